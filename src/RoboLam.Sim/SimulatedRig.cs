using System.Device.I2c;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim.Arm;
using RoboLam.Sim.Faults;
using RoboLam.Sim.Gpio;
using RoboLam.Sim.I2c;
using RoboLam.Sim.Time;
using RoboLam.Sim.World;

namespace RoboLam.Sim;

/// <summary>
/// A whole simulated robot cell for one robot file: GPIO chip, I2C bus with the PCA9685, the arm's physics,
/// the tabletop world, sensors wired to it, and fault injection, all on one virtual clock. Put the real
/// drivers on top: a <c>GpioController</c> over <see cref="Gpio"/> and I2C devices from <see cref="GetI2cBus"/>
/// (or a <c>CustomBoard</c> built from both).
/// </summary>
public sealed class SimulatedRig
{
    private readonly SimulatedI2cBus _bus;

    public SimulatedRig(RobotDescription robot, TabletopWorld world, VirtualClock? clock = null, JointAngles? initialAngles = null)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(world);
        Robot = robot;
        World = world;
        Clock = clock ?? new VirtualClock();
        Gpio = new SimulatedGpioDriver();
        ServoBoard = new Pca9685RegisterFile(robot.ServoBoard.Address);
        _bus = new SimulatedI2cBus(robot.ServoBoard.I2cBus);
        _bus.Attach(ServoBoard);
        Arm = new SimulatedArm(robot, ServoBoard, Clock, initialAngles);
        Gripper = new GripperPhysics(Arm, world, Clock, robot.Arm.Gripper);
        Sensors = new SensorWiring(robot, world, Gpio);
        Faults = new FaultInjector(robot, Clock, Gpio, ServoBoard, Arm, Gripper, Sensors);
    }

    public RobotDescription Robot { get; }

    public VirtualClock Clock { get; }

    public SimulatedGpioDriver Gpio { get; }

    public Pca9685RegisterFile ServoBoard { get; }

    public SimulatedArm Arm { get; }

    public TabletopWorld World { get; }

    public GripperPhysics Gripper { get; }

    public SensorWiring Sensors { get; }

    public FaultInjector Faults { get; }

    /// <summary>The I2C bus with the given number; only the robot file's bus exists.</summary>
    public I2cBus GetI2cBus(int busNumber) =>
        busNumber == _bus.BusNumber
            ? _bus
            : throw new IOException($"The simulated cell has I2C bus {_bus.BusNumber} only, not {busNumber}; the robot file's servoBoard.i2cBus decides.");

    /// <summary>An I2C device handle for the servo board, as the robot file addresses it.</summary>
    public I2cDevice CreateServoBoardDevice() => _bus.CreateDevice(Robot.ServoBoard.Address);
}
