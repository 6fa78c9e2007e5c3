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
    private SafetyEnvelope(RobotDescription robot, SafetyDescription safety)
    {
        Robot = robot;
        Safety = safety;
        if (robot.Arm.Joints.Count != 4)
        {
            throw new ArgumentException($"The safety envelope knows the 4-joint arm; robot \"{robot.Name}\" has {robot.Arm.Joints.Count} joints.", nameof(robot));
        }

        Geometry = new ArmGeometry(robot.Arm);
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

    public RobotDescription Robot { get; }

    public SafetyDescription Safety { get; }

    /// <summary>The stop an e-stop, an interlock or a mode change issues, as the robot file says.</summary>
    public StopCategory StopCategory => Robot.Stop.Category;

    public double ReducedSpeedScale => Safety.ReducedSpeedScale;

    public Duration SamplePeriod => Robot.Motion.SamplePeriod;

    public IReadOnlyList<InterlockRule> Interlocks => Safety.Interlocks;

    internal ArmGeometry Geometry { get; }

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

    /// <summary>The gripper servo angle an <see cref="OperateGripper"/> command drives to.</summary>
    public Angle GripperAngle(GripperAction action) =>
        action == GripperAction.Open ? Robot.Arm.Gripper.OpenAngle : Robot.Arm.Gripper.ClosedAngle;

    /// <summary>How long a command may run before it counts as overrun: its planned duration plus the slack.</summary>
    public Duration Deadline(ActuatorCommand command) => command switch
    {
        FollowTrajectory follow => follow.Trajectory.Duration + Safety.MotionDeadlineSlack,
        OperateGripper => Robot.Arm.Gripper.ActuationTime + Safety.MotionDeadlineSlack,
        _ => Safety.MotionDeadlineSlack,
    };
}
