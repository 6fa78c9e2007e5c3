using System.Device.Gpio;
using RoboLam.Hardware.Description;
using RoboLam.Sim.Arm;
using RoboLam.Sim.Gpio;
using RoboLam.Sim.I2c;
using RoboLam.Sim.Time;
using RoboLam.Sim.World;

namespace RoboLam.Sim.Faults;

/// <summary>Schedules faults on the virtual clock, or applies them at once, and remembers which fired when.</summary>
public sealed class FaultInjector
{
    private readonly RobotDescription _robot;
    private readonly VirtualClock _clock;
    private readonly SimulatedGpioDriver _gpio;
    private readonly Pca9685RegisterFile _servoBoard;
    private readonly SimulatedArm _arm;
    private readonly GripperPhysics _gripper;
    private readonly SensorWiring _sensors;
    private readonly List<(TimeSpan At, SimulatedFault Fault)> _fired = [];
    private readonly List<ITimer> _timers = [];

    internal FaultInjector(RobotDescription robot, VirtualClock clock, SimulatedGpioDriver gpio, Pca9685RegisterFile servoBoard, SimulatedArm arm, GripperPhysics gripper, SensorWiring sensors)
    {
        _robot = robot;
        _clock = clock;
        _gpio = gpio;
        _servoBoard = servoBoard;
        _arm = arm;
        _gripper = gripper;
        _sensors = sensors;
    }

    /// <summary>Raised when a fault takes effect.</summary>
    public event Action<SimulatedFault>? Fired;

    public IReadOnlyList<(TimeSpan At, SimulatedFault Fault)> FiredFaults => _fired;

    public void Schedule(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Validate(fault);
        _timers.Add(_clock.At(fault.At, () => Apply(fault)));
    }

    /// <summary>Applies a fault now, whatever its time says.</summary>
    public void Apply(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault)
        {
            case EmergencyStopPress press:
                _sensors.Drive(_sensors.Input(press.Input), active: true);
                break;
            case ServoStall stall:
                _arm.SetFault(JointIndex(stall.Joint), ServoFault.Stall);
                break;
            case ServoLag lag:
                _arm.SetFault(JointIndex(lag.Joint), ServoFault.Lag(lag.SpeedFactor));
                break;
            case BlockSlip:
                _gripper.Slip();
                break;
            case StuckInput stuck:
                var input = _sensors.Input(stuck.Input);
                _gpio.Stick(input.Pin, stuck.Active == input.ActiveLow ? PinValue.Low : PinValue.High);
                break;
            case DeviceSilent:
                _servoBoard.Unresponsive = true;
                break;
            default:
                throw new ArgumentException($"Unknown fault {fault.GetType().Name}.", nameof(fault));
        }

        _fired.Add((_clock.Elapsed, fault));
        Fired?.Invoke(fault);
    }

    private void Validate(SimulatedFault fault)
    {
        switch (fault)
        {
            case EmergencyStopPress press:
                _sensors.Input(press.Input);
                break;
            case StuckInput stuck:
                _sensors.Input(stuck.Input);
                break;
            case ServoStall stall:
                JointIndex(stall.Joint);
                break;
            case ServoLag lag:
                JointIndex(lag.Joint);
                if (lag.SpeedFactor is <= 0 or > 1)
                {
                    throw new ArgumentException($"A servo lag needs a speed factor above 0 and at most 1, got {lag.SpeedFactor}.", nameof(fault));
                }

                break;
            default:
                break;
        }
    }

    private int JointIndex(string joint)
    {
        for (var index = 0; index < _robot.Arm.Joints.Count; index++)
        {
            if (string.Equals(_robot.Arm.Joints[index].Name, joint, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        throw new ArgumentException($"Robot \"{_robot.Name}\" has no joint \"{joint}\"; its joints are: {string.Join(", ", _robot.Arm.Joints.Select(item => item.Name))}.", nameof(joint));
    }
}
