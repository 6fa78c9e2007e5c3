using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim.I2c;
using RoboLam.Sim.Time;
using UnitsNet;

namespace RoboLam.Sim.Arm;

/// <summary>
/// The arm's physics, kinematic only: it watches the PCA9685 register file, decodes each channel's pulse into
/// a servo angle with the robot file's calibration, and moves each servo toward it on the virtual clock.
/// State is brought up to date lazily (on every register change and every query), so a long simulation
/// costs nothing while nothing happens.
/// </summary>
public sealed class SimulatedArm
{
    /// <summary>Top speed of a typical hobby servo's horn (about 0.15 s per 60°).</summary>
    public static readonly RotationalSpeed DefaultServoSpeed = RotationalSpeed.FromDegreesPerSecond(400);

    private readonly object _gate = new();
    private readonly RobotDescription _robot;
    private readonly Pca9685RegisterFile _chip;
    private readonly VirtualClock _clock;
    private readonly ArmKinematics _kinematics;
    private readonly SimulatedServo[] _joints;
    private readonly SimulatedServo _gripper;
    private readonly Dictionary<int, (double Minimum, double Maximum, double Travel)> _pulseRanges;
    private TimeSpan _updatedAt;

    public SimulatedArm(RobotDescription robot, Pca9685RegisterFile chip, VirtualClock clock, JointAngles? initialAngles = null, RotationalSpeed? servoSpeed = null)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(clock);
        _robot = robot;
        _chip = chip;
        _clock = clock;
        _kinematics = new ArmKinematics(robot.Arm);
        _pulseRanges = robot.Arm.Joints.Select(joint => joint.Servo).Append(robot.Arm.Gripper.Servo)
            .ToDictionary(servo => servo.Channel, servo => (servo.MinimumPulse.Microseconds, servo.MaximumPulse.Microseconds, servo.Travel.Degrees));
        var speed = (servoSpeed ?? DefaultServoSpeed).DegreesPerSecond;
        var start = initialAngles ?? robot.Arm.HomeAngles;
        _joints = robot.Arm.Joints.Select((joint, index) => new SimulatedServo(joint.Servo.ServoAngleFor(start[index]).Degrees, speed)).ToArray();
        var gripper = robot.Arm.Gripper;
        var gripperSpeed = Math.Abs(gripper.ClosedAngle.Degrees - gripper.OpenAngle.Degrees) / gripper.ActuationTime.Seconds;
        _gripper = new SimulatedServo(gripper.OpenAngle.Degrees, gripperSpeed);
        _updatedAt = clock.Elapsed;
        chip.ChannelsChanged += OnChannelsChanged;
        OnChannelsChanged([]);
    }

    public ArmKinematics Kinematics => _kinematics;

    /// <summary>The true joint angles now (what an encoder would measure).</summary>
    public JointAngles Angles
    {
        get
        {
            lock (_gate)
            {
                Update();
                return new JointAngles(_joints.Select((servo, index) => _robot.Arm.Joints[index].Servo.JointAngleFor(Angle.FromDegrees(servo.Degrees))));
            }
        }
    }

    /// <summary>The joint angles the servo pulses command now; null for a joint whose servo gets no pulses.</summary>
    public IReadOnlyList<Angle?> CommandedAngles
    {
        get
        {
            lock (_gate)
            {
                Update();
                return _joints.Select((servo, index) => servo.TargetDegrees is { } target
                    ? _robot.Arm.Joints[index].Servo.JointAngleFor(Angle.FromDegrees(target))
                    : (Angle?)null).ToArray();
            }
        }
    }

    public Point3 Fingertips => _kinematics.Forward(Angles);

    /// <summary>The gripper servo's angle now; open and closed angles are in the robot file.</summary>
    public Angle GripperAngle
    {
        get
        {
            lock (_gate)
            {
                Update();
                return Angle.FromDegrees(_gripper.Degrees);
            }
        }
    }

    /// <summary>0 when fully closed, 1 when fully open.</summary>
    public double GripperOpenFraction
    {
        get
        {
            var gripper = _robot.Arm.Gripper;
            return Math.Clamp((GripperAngle.Degrees - gripper.ClosedAngle.Degrees) / (gripper.OpenAngle.Degrees - gripper.ClosedAngle.Degrees), 0, 1);
        }
    }

    public bool IsGripperMoving
    {
        get
        {
            lock (_gate)
            {
                Update();
                return _gripper.TargetDegrees is { } target && Math.Abs(target - _gripper.Degrees) > 1e-6 && !_gripper.Fault.Stalled;
            }
        }
    }

    /// <summary>True when a joint's servo gets no pulses (released by a stop, or never started).</summary>
    public bool IsLimp(int joint)
    {
        lock (_gate)
        {
            Update();
            return _joints[joint].IsLimp;
        }
    }

    /// <summary>Raised when the gripper's commanded angle changes: (now, seconds until it gets there).</summary>
    public event Action<TimeSpan>? GripperCommanded;

    public void SetFault(int joint, ServoFault fault)
    {
        lock (_gate)
        {
            Update();
            _joints[joint].Fault = fault;
        }
    }

    private void OnChannelsChanged(IReadOnlyList<int> channels)
    {
        double? gripperTravel = null;
        lock (_gate)
        {
            Update();
            var all = channels.Count == 0;
            for (var index = 0; index < _joints.Length; index++)
            {
                var servo = _robot.Arm.Joints[index].Servo;
                if (all || channels.Contains(servo.Channel))
                {
                    _joints[index].TargetDegrees = DecodeServoAngle(servo);
                }
            }

            var before = _gripper.TargetDegrees;
            if (all || channels.Contains(_robot.Arm.Gripper.Servo.Channel))
            {
                _gripper.TargetDegrees = DecodeServoAngle(_robot.Arm.Gripper.Servo);
            }
            if (_gripper.TargetDegrees is { } target && target != before)
            {
                gripperTravel = Math.Abs(target - _gripper.Degrees);
            }
        }

        if (gripperTravel is { } travel)
        {
            var gripper = _robot.Arm.Gripper;
            var fullTravel = Math.Abs(gripper.ClosedAngle.Degrees - gripper.OpenAngle.Degrees);
            GripperCommanded?.Invoke(TimeSpan.FromSeconds(gripper.ActuationTime.Seconds * travel / fullTravel));
        }
    }

    /// <summary>Pulse to servo angle, linear between the calibration's end stops (plain doubles: this runs on every register write).</summary>
    private double? DecodeServoAngle(ServoCalibration servo)
    {
        if (_chip.PulseMicroseconds(servo.Channel) is not { } pulse || pulse <= 0)
        {
            return null;
        }

        var (minimum, maximum, travel) = _pulseRanges[servo.Channel];
        return (pulse - minimum) / (maximum - minimum) * travel;
    }

    private void Update()
    {
        var now = _clock.Elapsed;
        var seconds = (now - _updatedAt).TotalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        foreach (var servo in _joints)
        {
            servo.Advance(seconds);
        }

        _gripper.Advance(seconds);
        _updatedAt = now;
    }
}
