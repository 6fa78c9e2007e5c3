using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using UnitsNet;

namespace RoboLam.Safety.Envelope;

/// <summary>
/// Everything the core checks commands against, compiled once from a robot file: joint limits and speed
/// limits, workspace bounds, keep-out boxes and interlock zones (grown by the clearance), gripper limits,
/// interlock rules, stop behaviour and watchdog settings. Immutable; share one per robot.
/// </summary>
public sealed class SafetyEnvelope
{
    private readonly ArmGeometry? _geometry;

    private SafetyEnvelope(RobotDescription robot, SafetyDescription safety)
    {
        Robot = robot;
        Safety = safety;
        StopCategory = robot.Stop.Category;
        SamplePeriod = robot.Motion.SamplePeriod;
        if (robot.Arm.Joints.Count != 4)
        {
            throw new ArgumentException($"The safety envelope knows the 4-joint arm; robot \"{robot.Name}\" has {robot.Arm.Joints.Count} joints.", nameof(robot));
        }

        _geometry = new ArmGeometry(robot.Arm);
        CellName = robot.Name;
        JointNames = robot.Arm.Joints.Select(joint => joint.Name).ToArray();
        MinimumDegrees = robot.Arm.Joints.Select(joint => joint.Minimum.Degrees).ToArray();
        MaximumDegrees = robot.Arm.Joints.Select(joint => joint.Maximum.Degrees).ToArray();
        MaxDegreesPerSecond = robot.Arm.Joints.Select(joint => joint.MaxSpeed.DegreesPerSecond).ToArray();
        Bounds = safety.Bounds is { } bounds ? new Region("bounds", bounds) : null;
        KeepOut = safety.KeepOut.Select(box => new Region(box.Name, box.Box.Inflate(safety.Clearance))).ToArray();
        Zones = safety.Zones.ToDictionary(zone => zone.Name, zone => new Region(zone.Name, zone.Box.Inflate(safety.Clearance)), StringComparer.OrdinalIgnoreCase);
        PathStepMeters = safety.Clearance.Meters;
        if (PathStepMeters <= 0)
        {
            throw new ArgumentException($"Robot \"{robot.Name}\": the safety clearance must be positive; the path check steps by it.", nameof(robot));
        }

        foreach (var rule in safety.Interlocks)
        {
            if (rule.Forbid is ForbidEnteringZone { Zone: var zone } && !Zones.ContainsKey(zone))
            {
                throw new ArgumentException($"Robot \"{robot.Name}\": interlock \"{rule.Name}\" names zone \"{zone}\", which is not defined.", nameof(robot));
            }
        }
    }

    /// <summary>A cell of line devices with no arm (see <see cref="ForDevices"/>): arm commands are refused.</summary>
    private SafetyEnvelope(string cell, SafetyDescription safety, StopCategory stopCategory)
    {
        Safety = safety;
        StopCategory = stopCategory;
        SamplePeriod = Duration.Zero;
        CellName = cell;
        JointNames = [];
        MinimumDegrees = [];
        MaximumDegrees = [];
        MaxDegreesPerSecond = [];
        KeepOut = [];
        Zones = new Dictionary<string, Region>(StringComparer.OrdinalIgnoreCase);
        PathStepMeters = safety.Clearance.Meters;
        if (safety.Interlocks.FirstOrDefault(rule => rule.Forbid is ForbidEnteringZone) is { } zoneRule)
        {
            throw new ArgumentException($"Cell \"{cell}\": interlock \"{zoneRule.Name}\" forbids entering a zone, but a cell without an arm has no zones.", nameof(safety));
        }
    }

    /// <summary>The robot file this envelope was compiled from; null for a cell of line devices without an arm.</summary>
    public RobotDescription? Robot { get; }

    /// <summary>True when the envelope knows an arm, so trajectories and gripper commands can be judged.</summary>
    public bool HasArm => Robot is not null;

    /// <summary>The robot's or the cell's name, for messages.</summary>
    public string CellName { get; } = string.Empty;

    public SafetyDescription Safety { get; }

    /// <summary>The stop an e-stop, an interlock or a mode change issues, as the robot file says.</summary>
    public StopCategory StopCategory { get; }

    public double ReducedSpeedScale => Safety.ReducedSpeedScale;

    public Duration SamplePeriod { get; }

    public IReadOnlyList<InterlockRule> Interlocks => Safety.Interlocks;

    /// <summary>Null only without an arm, where no arm command is ever judged (SafetyCore refuses them first).</summary>
    internal ArmGeometry Geometry => _geometry ?? throw new InvalidOperationException($"cell \"{CellName}\" has no arm");

    internal string[] JointNames { get; }

    internal double[] MinimumDegrees { get; }

    internal double[] MaximumDegrees { get; }

    internal double[] MaxDegreesPerSecond { get; }

    internal Region? Bounds { get; }

    internal Region[] KeepOut { get; }

    internal Dictionary<string, Region> Zones { get; }

    /// <summary>The path check looks at arm positions no further apart than this (the clearance), see <see cref="PathInspector"/>.</summary>
    internal double PathStepMeters { get; }

    /// <summary>The envelope of <paramref name="robot"/>: its safety section, or the defaults when it has none.</summary>
    public static SafetyEnvelope For(RobotDescription robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return new SafetyEnvelope(robot, SafetyDescription.Of(robot));
    }

    /// <summary>
    /// The envelope of a cell of line devices (conveyors, stations, transfer robots) with no arm of its own: e-stops,
    /// watchdogs, motion interlocks and deadlines apply to their <see cref="DeviceOperation"/> commands.
    /// </summary>
    public static SafetyEnvelope ForDevices(string cell, SafetyDescription safety, StopCategory stopCategory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cell);
        ArgumentNullException.ThrowIfNull(safety);
        return new SafetyEnvelope(cell, safety, stopCategory);
    }

    /// <summary>The gripper servo angle an <see cref="OperateGripper"/> command drives to.</summary>
    public Angle GripperAngle(GripperAction action)
    {
        var gripper = (Robot ?? throw new InvalidOperationException($"cell \"{CellName}\" has no gripper")).Arm.Gripper;
        return action == GripperAction.Open ? gripper.OpenAngle : gripper.ClosedAngle;
    }

    /// <summary>How long a command may run before it counts as overrun: its planned duration plus the slack.</summary>
    public Duration Deadline(ActuatorCommand command) => command switch
    {
        FollowTrajectory follow => follow.Trajectory.Duration + Safety.MotionDeadlineSlack,
        OperateGripper when Robot is not null => Robot.Arm.Gripper.ActuationTime + Safety.MotionDeadlineSlack,
        DeviceOperation operation => operation.Limit + Safety.MotionDeadlineSlack,
        _ => Safety.MotionDeadlineSlack,
    };
}
