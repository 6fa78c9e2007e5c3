using Iot.Device.Board;
using RoboLam.Drivers.Boards;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim;
using RoboLam.Sim.Time;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// The simulated cell wired as a real one would be: the real drivers (ServoArm on the PCA9685, GpioInputs and
/// GpioOutputs on the GPIO chip) on the simulator's board, every actuator behind Safety's gate, the e-stop and
/// limit-switch inputs and a ticker feeding the supervisor, and a camera over the simulated table. Everything runs on the
/// rig's virtual clock. Only <see cref="Arm"/> and <see cref="Outputs"/> (gated, then traced) reach the runtime.
/// </summary>
internal sealed class SimulatedArmCell : IDisposable
{
    /// <summary>
    /// Real time the virtual clock waits for a control loop that lags behind it before letting the watchdog's virtual
    /// timeout run: generous, because on a loaded 2-core machine running several cells at once the actors may starve for seconds; a stalled loop never catches up.
    /// </summary>
    public static readonly TimeSpan ControlLoopPatience = TimeSpan.FromSeconds(10);

    /// <summary>The control loop beats this often on the virtual clock (the watchdog's timeout is arm4's 500 ms).</summary>
    public static readonly TimeSpan ControlLoopPeriod = TimeSpan.FromMilliseconds(50);

    private readonly CustomBoard _board;
    private readonly IDisposable _eStop;
    private readonly IDisposable _limits;
    private readonly SupervisorTicker _ticker;
    private readonly SafeActuator _armGate;
    private readonly SafeActuator _outputsGate;
    private readonly TracingActuator _arm;
    private readonly TracingActuator _outputs;
    private readonly TimeSpan _controlLoopAllowance;
    private TimeSpan _stoppingUntil;

    public SimulatedArmCell(RobotDescription robot, TabletopWorld world, RunTrace? trace = null)
    {
        Robot = robot;
        Rig = new SimulatedRig(robot, world);
        Trace = trace ?? new RunTrace(Rig.Clock);
        _board = new CustomBoard(Rig.Gpio, bus => Rig.GetI2cBus(bus), null!, null!);
        Hardware = RobotHardware.Open(_board, robot, Rig.Clock, shouldDispose: false);
        Supervisor = new SafetySupervisor(robot);
        Supervisor.ObservePosition(Hardware.Arm.Name, Hardware.Arm.CommandedAngles, Rig.Clock.GetUtcNow());
        _armGate = new SafeActuator(Hardware.Arm, Supervisor, Rig.Clock, shouldDispose: false);
        _outputsGate = new SafeActuator(Hardware.Outputs, Supervisor, Rig.Clock, shouldDispose: false);
        _arm = new TracingActuator(_armGate, Trace);
        _outputs = new TracingActuator(_outputsGate, Trace);
        _eStop = SafetyInputs.Connect(Supervisor, Hardware.Inputs);
        _limits = LimitSwitches.Connect(Supervisor, Hardware.Inputs, Hardware.Arm.Name);
        _ticker = new SupervisorTicker(Supervisor, Rig.Clock, TimeSpan.FromMilliseconds(10));
        ControlLoop = new SupervisorHeartbeat(Supervisor, Rig.Clock);
        _controlLoopAllowance = Supervisor.Envelope.Safety.Watchdogs.ControlLoopTimeout.ToTimeSpan() / 4;
        Camera = new TabletopCamera(world, Rig.Clock);
        Supervisor.StopDemanded += (_, demand) =>
        {
            // A controlled stop decelerates on the virtual clock: keep it running fast until the arm has stopped.
            _stoppingUntil = Rig.Clock.Elapsed + robot.Stop.DecelerationTime.ToTimeSpan() + TimeSpan.FromMilliseconds(100);
            Trace.Add("safety-stop", $"safety demands a stop ({demand.Rule}): {demand.Request.Reason}", ("rule", demand.Rule), ("category", (int)demand.Request.Category));
        };
    }

    public RobotDescription Robot { get; }

    public SimulatedRig Rig { get; }

    public RunTrace Trace { get; }

    public RobotHardware Hardware { get; }

    public SafetySupervisor Supervisor { get; }

    /// <summary>The arm as the runtime sees it: gated by Safety, traced.</summary>
    public IActuator Arm => _arm;

    /// <summary>Raised when an arm command has ended (for snapshots at grasps and releases).</summary>
    public event Action<ActuatorCommand, CommandOutcome>? ArmCommandEnded
    {
        add => _arm.CommandEnded += value;
        remove => _arm.CommandEnded -= value;
    }

    public IActuator Outputs => _outputs;

    /// <summary>Where the runtime's control loop beats (Safety's control-loop watchdog, on the virtual clock).</summary>
    public SupervisorHeartbeat ControlLoop { get; }

    public TabletopCamera Camera { get; }

    /// <summary>True while an actuator runs a command or a stop is being carried out: the clock then runs fast.</summary>
    public bool IsMoving =>
        Hardware.Arm.State == ActuatorState.Busy || Hardware.Outputs.State == ActuatorState.Busy || Rig.Clock.Elapsed < _stoppingUntil;

    /// <summary>
    /// How the clock should move now: held while a command is dispatched or while the control loop lags more than a
    /// quarter of its watchdog timeout behind the virtual clock (a wide margin for a loaded machine; for at most
    /// <see cref="ControlLoopPatience"/> of real time, so a stalled loop still trips the watchdog), fast while something
    /// moves, at real pace otherwise.
    /// </summary>
    public Pace Pace => _arm.IsDispatching || _outputs.IsDispatching || ControlLoopLags ? Pace.Hold : IsMoving ? Pace.Fast : Pace.RealTime;

    private bool ControlLoopLags =>
        ControlLoop.SinceLastBeat > _controlLoopAllowance && ControlLoop.RealSinceLastBeat < ControlLoopPatience;

    public void Dispose()
    {
        _ticker.Dispose();
        _eStop.Dispose();
        _limits.Dispose();
        Camera.Dispose();
        Arm.Dispose();
        Outputs.Dispose();
        Hardware.Dispose();
        _board.Dispose();
    }
}
