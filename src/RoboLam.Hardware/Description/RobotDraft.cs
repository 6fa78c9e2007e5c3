using RoboLam.Hardware.Motion;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// What could be read from a robot file, each part with the JSON path it came from, so the cross-checks can
/// point at the right place. Parts that failed to read are missing; their errors are already recorded.
/// </summary>
internal sealed class RobotDraft
{
    /// <summary>False when the text was not JSON at all; then there is nothing to cross-check.</summary>
    public bool IsJson { get; set; }

    public string? Name { get; set; }

    public string Description { get; set; } = string.Empty;

    public ServoBoardDescription? ServoBoard { get; set; }

    public ArmBase? Base { get; set; }

    public ArmLinks? Links { get; set; }

    public string JointsPath { get; set; } = "$.arm.joints";

    public List<Located<JointDescription>> Joints { get; } = [];

    public Located<GripperDescription>? Gripper { get; set; }

    public List<Located<DigitalInputDescription>> Inputs { get; } = [];

    public List<Located<DigitalOutputDescription>> Outputs { get; } = [];

    public Located<WorkspaceDescription>? Workspace { get; set; }

    public List<Located<NamedPlace>> Places { get; } = [];

    public MotionSettings? Motion { get; set; }

    public string MotionPath { get; set; } = "$.motion";

    public StopBehaviour? Stop { get; set; }

    public Duration? HeartbeatPeriod { get; set; }

    public List<Located<ActionBinding>> Bindings { get; } = [];

    /// <summary>The "safety" section when the file has one; defaults apply otherwise.</summary>
    public SafetyDraft? Safety { get; set; }

    /// <summary>True when every required part was read, so a description can be built.</summary>
    public bool IsComplete =>
        Name is not null && ServoBoard is not null && Base is not null && Links is not null && Gripper is not null
        && Workspace is not null && Motion is not null && Stop is not null && HeartbeatPeriod is not null;
}

/// <summary>A value with the JSON path it was read from.</summary>
internal sealed record Located<T>(string Path, T Value);
