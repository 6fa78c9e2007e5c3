using Akka.Actor;
using Akka.Configuration;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Motion;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Hosting;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;
using RoboLam.Sim.Time;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// The real controller wired to a simulated cell, for as long as it is needed: the cell (drivers, gate, supervisor),
/// the arm's command source, the controller set-up with the control loop beating Safety's watchdog, the virtual
/// clock's pacer and the actor system. <c>robolam run</c>/<c>sim</c> give it one goal; <c>robolam serve</c> and
/// <c>robolam voice</c> keep it running and give it goal after goal.
/// </summary>
internal sealed class ArmController : IDisposable
{
    public const string ArmDevice = "arm";
    private static readonly TimeSpan s_actionDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_clockStep = TimeSpan.FromMilliseconds(10);

    private readonly ControllerSetup _setup;
    private ClockPacer? _pacer;
    private ActorSystem? _system;
    private IActorRef? _controller;
    private volatile bool _forceFast;
    private volatile bool _holdClock;
    private int _followers;

    /// <param name="sensing">How readings become facts; the simulated table's sensing unless given (a wrapper, say).</param>
    public ArmController(ScenarioInputs inputs, TabletopWorld world, IFactSensing? sensing = null)
    {
        Inputs = inputs;
        World = world;
        Cell = new SimulatedArmCell(inputs.Robot, world);
        Commands = new ArmCommandSource(new MotionExpander(inputs.Robot), Cell.Hardware.Arm, world);
        _setup = CreateSetup(sensing ?? new TabletopSensing());
        _setup.Validate();
    }

    public ScenarioInputs Inputs { get; }

    /// <summary>The simulated table: the truth the camera sees.</summary>
    public TabletopWorld World { get; }

    public SimulatedArmCell Cell { get; }

    /// <summary>Raises <see cref="ArmCommandSource.Expanding"/> when an action really starts on the arm.</summary>
    public ArmCommandSource Commands { get; }

    /// <summary>Null until <see cref="Start"/>.</summary>
    public ClockPacer? Pacer => _pacer;

    /// <summary>Run the clock fast even while nothing moves (to show quickly that nothing moves by itself).</summary>
    public bool ForceFast
    {
        get => _forceFast;
        set => _forceFast = value;
    }

    /// <summary>Stop the virtual clock: the simulated world waits (for a test or a bench that acts at an exact moment of a motion).</summary>
    public bool HoldClock
    {
        get => _holdClock;
        set => _holdClock = value;
    }

    public IActorRef Controller => _controller ?? throw new InvalidOperationException("the arm controller has not been started");

    /// <summary>Starts the virtual clock's pacer, the actor system and the controller (whose control loop beats from now on).</summary>
    public void Start()
    {
        var cell = Cell;
        _pacer = new ClockPacer(cell.Rig.Clock, () => _holdClock ? Pace.Hold : _forceFast && cell.Pace == Pace.RealTime ? Pace.Fast : cell.Pace, s_clockStep);
        _pacer.Failed += exception => cell.Trace.Add("error", "the virtual clock stopped: " + exception.Message);
        var config = ConfigurationFactory.ParseString(RoboLamHosting.ActorSystemConfig(_setup));
        _system = ActorSystem.Create(_setup.SystemName, config);
        _controller = _system.ActorOf(ControllerActor.Props(_setup), "robolam");
    }

    /// <summary>Submits a goal; <paramref name="onEvent"/> hears its events on an actor's thread as they happen.</summary>
    public void Submit(string goalId, IReadOnlyList<string> goal, string description, Action<object> onEvent, string? traceParent = null)
    {
        var system = _system ?? throw new InvalidOperationException("the arm controller has not been started");
        var follower = system.ActorOf(GoalFollower.Props(onEvent), $"follower-{Interlocked.Increment(ref _followers)}");
        Controller.Tell(new SubmitGoal(goalId, GoalCondition.FromLiterals(goal), description, traceParent), follower);
    }

    /// <summary>Stops the actor system (its device actors stop the arm), then the clock, then the cell.</summary>
    public void Dispose()
    {
        _system?.Terminate().Wait(TimeSpan.FromSeconds(10));
        _system?.Dispose();
        _pacer?.Dispose();
        Cell.Dispose();
    }

    private ControllerSetup CreateSetup(IFactSensing sensing)
    {
        var domain = Inputs.Domain;
        var arm = new DeviceSetup(ArmDevice, Cell.Arm, [Cell.Hardware.Inputs, Cell.Camera], Commands);
        var outputs = new DeviceSetup("outputs", Cell.Outputs, [], new NoActions("outputs"));
        return new ControllerSetup(
            domain,
            InitialWorld.Problem(domain, World, SafetyDescription.Of(Inputs.Robot).PlanInvariants),
            [arm, outputs],
            DeviceAssignments.AllTo(ArmDevice, s_actionDeadline, domain.Actions.Select(action => action.Name)),
            new SupervisorGate(Cell.Supervisor, Cell.Rig.Clock))
        {
            Sensing = sensing,
            ObjectAttributes = InitialWorld.Attributes(World),
            ControlLoop = new ControlLoopSettings(Cell.ControlLoop, SimulatedArmCell.ControlLoopPeriod) { Clock = Cell.Rig.Clock },
            SystemName = "robolam-sim",
            ExtraHocon = "akka.loglevel = ERROR\nakka.stdout-loglevel = ERROR",
        };
    }
}
