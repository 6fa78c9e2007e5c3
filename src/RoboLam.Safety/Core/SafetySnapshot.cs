using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Interlocks;

namespace RoboLam.Safety.Core;

/// <summary>
/// The safety state one decision is taken in: the mode with its causes, the live world facts, and where the
/// arm is (last position written, when known).
/// </summary>
public sealed record SafetySnapshot(SafetyMode Mode, IReadOnlyList<SafetyCause> Causes, WorldFacts Facts, JointAngles? ArmPosition)
{
    /// <summary>Normal mode, no facts, arm position unknown.</summary>
    public static SafetySnapshot Normal { get; } = new(SafetyMode.Normal, [], WorldFacts.Empty, null);
}
