using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Motion;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// Everything the controller knows about one robot, as loaded and validated from robots/*.json.
/// Load it with <see cref="RobotFileLoader"/>; an instance is always complete and consistent.
/// </summary>
public sealed record RobotDescription(
    string Name,
    string Description,
    ServoBoardDescription ServoBoard,
    ArmDescription Arm,
    IReadOnlyList<DigitalInputDescription> Inputs,
    IReadOnlyList<DigitalOutputDescription> Outputs,
    WorkspaceDescription Workspace,
    IReadOnlyList<NamedPlace> Places,
    MotionSettings Motion,
    StopBehaviour Stop,
    Duration HeartbeatPeriod,
    IReadOnlyList<ActionBinding> Bindings)
{
    /// <summary>
    /// The file's "safety" section with defaults filled in; null when the file has none (or the description was
    /// built in code). Use <see cref="SafetyDescription.Of"/> to get the section or its defaults.
    /// </summary>
    public SafetyDescription? Safety { get; init; }

    public NamedPlace? FindPlace(string name) =>
        Places.FirstOrDefault(place => string.Equals(place.Name, name, StringComparison.OrdinalIgnoreCase));

    public ActionBinding? FindBinding(string action) =>
        Bindings.FirstOrDefault(binding => string.Equals(binding.Action, action, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<DigitalInputDescription> InputsWithRole(InputRole role) => Inputs.Where(input => input.Role == role);
}

/// <summary>The PCA9685 servo board: I2C bus number, 7-bit address and PWM frequency.</summary>
public sealed record ServoBoardDescription(int I2cBus, int Address, Frequency PwmFrequency);

/// <summary>The arm: where its base stands, its links, its joints in kinematic order, and its gripper.</summary>
public sealed record ArmDescription(
    ArmBase Base,
    ArmLinks Links,
    IReadOnlyList<JointDescription> Joints,
    GripperDescription Gripper)
{
    public JointDescription Joint(JointRole role) => Joints.First(joint => joint.Role == role);

    /// <summary>The pose the arm starts in and returns to: every joint at its home angle.</summary>
    public Kinematics.JointAngles HomeAngles => new(Joints.Select(joint => joint.Home));
}

/// <summary>
/// The base's position on the table, the height of the shoulder pivot above the table, and the direction
/// (from +x, counter-clockwise) the arm points when the base joint is at 0°.
/// </summary>
public sealed record ArmBase(Length X, Length Y, Length ShoulderHeight, Angle Heading);

/// <summary>Shoulder→elbow, elbow→wrist, and wrist pivot→fingertips (the tool points straight down).</summary>
public sealed record ArmLinks(Length UpperArm, Length Forearm, Length Tool);

/// <summary>
/// One joint: its kinematic role, the servo that drives it, the joint's limits (in joint angles), its speed
/// limit and its home angle.
/// </summary>
public sealed record JointDescription(
    string Name,
    JointRole Role,
    ServoCalibration Servo,
    Angle Minimum,
    Angle Maximum,
    RotationalSpeed MaxSpeed,
    Angle Home)
{
    public bool Allows(Angle angle) =>
        angle.Degrees >= Minimum.Degrees - AngleTolerance && angle.Degrees <= Maximum.Degrees + AngleTolerance;

    /// <summary>Rounding slack so that a limit written as "170 deg" accepts 170.0000001°.</summary>
    private const double AngleTolerance = 1e-9;
}

public enum JointRole
{
    BaseYaw,
    ShoulderPitch,
    ElbowPitch,
    WristPitch,
}

/// <summary>Open and closed servo angles of the gripper, and how long the servo takes to get there.</summary>
public sealed record GripperDescription(ServoCalibration Servo, Angle OpenAngle, Angle ClosedAngle, Duration ActuationTime, Length MaxOpening);

public sealed record DigitalInputDescription(
    string Name,
    int Pin,
    InputRole Role,
    bool PullUp,
    bool ActiveLow,
    Duration Debounce,
    string? Joint,
    string? Place);

public sealed record DigitalOutputDescription(string Name, int Pin, bool ActiveLow, bool InitiallyActive);

/// <summary>The rectangle of table the arm must be able to serve, with the height of the table surface at 0.</summary>
/// <remarks><see cref="LowestReach"/> is the lowest fingertip height the arm must reach anywhere in it (a grasp on the table).</remarks>
public sealed record WorkspaceDescription(Length XMin, Length XMax, Length YMin, Length YMax, Length LowestReach);

public sealed record NamedPlace(string Name, PlaceKind Kind, Length X, Length Y, Length Z);

public enum PlaceKind
{
    Home,
    TableSlot,
    Bin,
}

/// <summary>
/// How motions are built: clearance above a target before descending, the safe travel height, how deep the
/// fingers go below a block's top, and the period at which trajectories are sampled and written.
/// </summary>
public sealed record MotionSettings(Length ApproachHeight, Length TravelHeight, Length GraspDepth, Duration SamplePeriod, Length PathStep);

/// <summary>What a stop does: its category, the deceleration time of a controlled stop, and the outputs afterwards.</summary>
public sealed record StopBehaviour(StopCategory Category, Duration DecelerationTime, OutputsAfterStop OutputsAfterStop);
