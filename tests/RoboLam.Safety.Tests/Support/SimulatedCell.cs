using System.Device.Gpio;
using RoboLam.Drivers.Arm;
using RoboLam.Drivers.Gpio;
using RoboLam.Hardware.Description;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim;
using RoboLam.Sim.World;
using UnitsNet;

namespace RoboLam.Safety.Tests.Support;

/// <summary>
/// The gate over the real drivers on the simulated cell: <see cref="ServoArm"/> on the simulated PCA9685,
/// <see cref="GpioInputs"/> on the simulated GPIO chip feeding the e-stop to the supervisor, a ticker on the
/// virtual clock, and a log of every PCA9685 write that changed a channel (virtual time, channels).
/// </summary>
internal sealed class SimulatedCell : IDisposable
{
    private readonly IDisposable _eStop;
    private readonly SupervisorTicker _ticker;
    private readonly GpioInputs _inputs;

    public SimulatedCell(RobotDescription? robot = null)
    {
        Robot = robot ?? TestRobots.Arm4;
        Rig = new SimulatedRig(Robot, new TabletopWorld());
        Driver = new ServoArm(Rig.CreateServoBoardDevice(), Robot, Rig.Clock);
        Supervisor = new SafetySupervisor(Robot);
        Gate = new SafeActuator(Driver, Supervisor, Rig.Clock);
        Supervisor.ObservePosition(Driver.Name, Driver.CommandedAngles, Rig.Clock.GetUtcNow());

        // No debounce: GpioButton debounces on real time, which does not move in a simulation.
        var inputs = Robot.Inputs.Select(input => input with { Debounce = Duration.Zero });
        _inputs = new GpioInputs(new GpioController(Rig.Gpio), inputs, Rig.Clock, shouldDispose: true);
        _eStop = SafetyInputs.Connect(Supervisor, _inputs);
        _ticker = new SupervisorTicker(Supervisor, Rig.Clock, TimeSpan.FromMilliseconds(10));
        Rig.ServoBoard.ChannelsChanged += channels => BoardWrites.Add((Rig.Clock.Elapsed, channels.ToArray()));
    }

    public RobotDescription Robot { get; }

    public SimulatedRig Rig { get; }

    public ServoArm Driver { get; }

    public SafetySupervisor Supervisor { get; }

    public SafeActuator Gate { get; }

    /// <summary>Every PCA9685 write that changed a channel's output.</summary>
    public List<(TimeSpan At, int[] Channels)> BoardWrites { get; } = [];

    public DateTimeOffset Now => Rig.Clock.GetUtcNow();

    public void SetEStop(bool pressed) => Rig.Sensors.Drive(Rig.Sensors.Input("e-stop"), pressed);

    public void Dispose()
    {
        _ticker.Dispose();
        _eStop.Dispose();
        _inputs.Dispose();
        Gate.Dispose();
    }
}
