using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// The robot file's "safety" section, read by the loader and enforced by RoboLam.Safety: where the arm may
/// be (bounds, keep-out boxes), named zones that interlock rules refer to, gripper limits, interlock rules
/// on world facts, the e-stop devices, watchdog timeouts, the reduced-speed scale and the motion deadline
/// slack. Every part has a default (see <see cref="DefaultsFor(RobotDescription)"/>) so a file without the
/// section still gets joint and speed limits, its e-stop inputs and heartbeat watchdogs.
/// </summary>
public sealed record SafetyDescription(
    SpaceBox? Bounds,
    IReadOnlyList<NamedBox> KeepOut,
    IReadOnlyList<NamedBox> Zones,
    Length Clearance,
    GripperLimits? Gripper,
    IReadOnlyList<InterlockRule> Interlocks,
    IReadOnlyList<EmergencyStopDevice> EmergencyStops,
    WatchdogSettings Watchdogs,
    double ReducedSpeedScale,
    Duration MotionDeadlineSlack)
{
    /// <summary>
    /// Rules every plan must keep in every state it passes through (PDDL3 <c>always</c> conditions over the domain's
    /// predicates); the controller adds them to each planning problem, so the planner prunes states that break them
    /// and the validator rejects plans that reach one.
    /// </summary>
    public IReadOnlyList<PlanInvariant> PlanInvariants { get; init; } = [];

    public static Length DefaultClearance { get; } = Length.FromMeters(0.01);

    public static Duration DefaultDiscrepancyTime { get; } = Duration.FromMilliseconds(50);

    public const double DefaultReducedSpeedScale = 0.25;

    public static Duration DefaultMotionDeadlineSlack { get; } = Duration.FromSeconds(0.5);

    /// <summary>Heartbeat watchdogs wait this many heartbeat periods by default before they trip.</summary>
    public const int DefaultWatchdogPeriods = 3;

    /// <summary>The safety settings of a robot: its own section when the loader read one, else the defaults.</summary>
    public static SafetyDescription Of(RobotDescription robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return robot.Safety ?? DefaultsFor(robot);
    }

    /// <summary>
    /// What applies when a robot file has no safety section: no bounds or keep-out boxes, each e-stop input
    /// its own single-channel e-stop, watchdogs at three heartbeat periods stopping as the file's stop says.
    /// </summary>
    public static SafetyDescription DefaultsFor(RobotDescription robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return DefaultsFor(robot.Inputs, robot.HeartbeatPeriod, robot.Stop.Category);
    }

    internal static SafetyDescription DefaultsFor(IEnumerable<DigitalInputDescription> inputs, Duration heartbeatPeriod, StopCategory stopCategory)
    {
        var timeout = heartbeatPeriod * DefaultWatchdogPeriods;
        return new SafetyDescription(
            Bounds: null,
            KeepOut: [],
            Zones: [],
            DefaultClearance,
            Gripper: null,
            Interlocks: [],
            DefaultEmergencyStops(inputs),
            new WatchdogSettings(timeout, timeout, stopCategory),
            DefaultReducedSpeedScale,
            DefaultMotionDeadlineSlack);
    }

    internal static EmergencyStopDevice[] DefaultEmergencyStops(IEnumerable<DigitalInputDescription> inputs) =>
        inputs.Where(input => input.Role == InputRole.EmergencyStop)
            .Select(input => new EmergencyStopDevice(input.Name, [input.Name], DefaultDiscrepancyTime))
            .ToArray();
}

/// <summary>An axis-aligned box in the world frame, in metres (z up from the table surface).</summary>
public sealed record SpaceBox(Length XMin, Length XMax, Length YMin, Length YMax, Length ZMin, Length ZMax)
{
    public static SpaceBox FromMeters(double xMin, double xMax, double yMin, double yMax, double zMin, double zMax) =>
        new(Length.FromMeters(xMin), Length.FromMeters(xMax), Length.FromMeters(yMin), Length.FromMeters(yMax), Length.FromMeters(zMin), Length.FromMeters(zMax));

    public bool Contains(Point3 point) =>
        point.XMeters >= XMin.Meters && point.XMeters <= XMax.Meters
        && point.YMeters >= YMin.Meters && point.YMeters <= YMax.Meters
        && point.ZMeters >= ZMin.Meters && point.ZMeters <= ZMax.Meters;

    /// <summary>The box grown by <paramref name="margin"/> on every side.</summary>
    public SpaceBox Inflate(Length margin) =>
        new(XMin - margin, XMax + margin, YMin - margin, YMax + margin, ZMin - margin, ZMax + margin);

    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"x {XMin.Meters:0.###}..{XMax.Meters:0.###} m, y {YMin.Meters:0.###}..{YMax.Meters:0.###} m, z {ZMin.Meters:0.###}..{ZMax.Meters:0.###} m");
}

public sealed record NamedBox(string Name, SpaceBox Box);

/// <summary>The servo angles the gripper may be driven to; the file's open and closed angles must lie within.</summary>
public sealed record GripperLimits(Angle MinimumAngle, Angle MaximumAngle)
{
    public bool Allows(Angle servoAngle) => servoAngle.Degrees >= MinimumAngle.Degrees && servoAngle.Degrees <= MaximumAngle.Degrees;
}

/// <summary>
/// "Forbid <see cref="Forbid"/> while <see cref="While"/> holds in the live world", e.g. no motion while
/// <c>(door-open)</c>. <see cref="Why"/> is the person-readable hazard, quoted in refusals.
/// </summary>
public sealed record InterlockRule(string Name, InterlockTarget Forbid, FactCondition While, string? Why);

/// <summary>
/// "<see cref="Always"/> holds in every state of every plan", a PDDL condition such as
/// <c>(forall (?a ?b ?c ?d - block) (not (and (on ?a ?b) (on ?b ?c) (on ?c ?d))))</c>. <see cref="Path"/> is its
/// place in the robot file, so that a condition the domain cannot read is reported there.
/// </summary>
public sealed record PlanInvariant(string Name, string Always, string? Why, string Path);

/// <summary>What an interlock rule forbids.</summary>
public abstract record InterlockTarget
{
    /// <summary>The forms a rule's "forbid" may take, for messages and the schema.</summary>
    public const string Forms = "\"motion\", \"enter <zone>\" or \"output <name>\"";
}

/// <summary>Any arm motion or gripper action.</summary>
public sealed record ForbidMotion : InterlockTarget
{
    public override string ToString() => "motion";
}

/// <summary>Any arm trajectory whose swept path touches the named zone.</summary>
public sealed record ForbidEnteringZone(string Zone) : InterlockTarget
{
    public override string ToString() => "entering zone " + Zone;
}

/// <summary>Energising the named digital output.</summary>
public sealed record ForbidOutput(string Output) : InterlockTarget
{
    public override string ToString() => "switching on output " + Output;
}

/// <summary>
/// One e-stop device: one input channel, or two that must agree within <see cref="DiscrepancyTime"/>
/// (a dual-channel e-stop); a longer disagreement is a wiring fault.
/// </summary>
public sealed record EmergencyStopDevice(string Name, IReadOnlyList<string> Channels, Duration DiscrepancyTime);

/// <summary>How long a device or the control loop may stay silent, and which stop follows.</summary>
public sealed record WatchdogSettings(Duration DeviceTimeout, Duration ControlLoopTimeout, StopCategory StopCategory);
