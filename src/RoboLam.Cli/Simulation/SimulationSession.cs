using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Motion;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Hosting;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Sim.Faults;
using RoboLam.Sim.Scenarios;
using RoboLam.Sim.Time;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// One run of the real controller on the simulated cell: builds the cell and the controller set-up, schedules the
/// faults, submits the goal, follows its events into the trace and the console until it ends, lets the arm come
/// to rest, and reads the table. The virtual clock runs fast while something moves and at real pace otherwise.
/// </summary>
internal sealed class SimulationSession
{
    private const string ArmDevice = "arm";
    private static readonly TimeSpan s_actionDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_clockStep = TimeSpan.FromMilliseconds(10);

    private readonly ScenarioInputs _inputs;
    private readonly SimulationOptions _options;
    private readonly TextWriter _progress;
    private volatile bool _forceFast;

    public SimulationSession(ScenarioInputs inputs, SimulationOptions options, TextWriter progress)
    {
        _inputs = inputs;
        _options = options;
        _progress = progress;
    }

    public SimulationResult Run(IReadOnlyList<string> goal, string description)
    {
        var world = _inputs.CreateWorld();
        using var cell = new SimulatedArmCell(_inputs.Robot, world);
        var trace = cell.Trace;
        var sketch = new CellSketch(cell);
        Observe(cell, sketch);
        var anchored = new ConcurrentQueue<ScenarioFault>();
        foreach (var fault in _inputs.Scenario.Faults)
        {
            if (fault.AfterActionStarts is null)
            {
                cell.Rig.Faults.Schedule(fault.Fault);
            }
            else
            {
                // Scheduled when its action starts (ScenarioInputs checked its input or joint).
                anchored.Enqueue(fault);
            }
        }

        var commands = new ArmCommandSource(new MotionExpander(_inputs.Robot), cell.Hardware.Arm, world);
        commands.Expanding += (actionId, action) =>
        {
            trace.Add("action", $"arm starts {action}", ("actionId", actionId), ("action", action.ToString()));
            ScheduleAnchored(action.ToString(), cell, anchored);
            sketch.Take($"{action} starts");
        };
        cell.ArmCommandEnded += (command, outcome) =>
        {
            if (command is OperateGripper grip)
            {
                sketch.Take($"gripper {grip.Action.ToString().ToLowerInvariant()}: {outcome.Status.ToString().ToLowerInvariant()}");
            }
        };
        var setup = CreateSetup(cell, world, commands);
        setup.Validate();
        var started = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        using var pacer = new ClockPacer(cell.Rig.Clock, () => _forceFast && cell.Pace == Pace.RealTime ? Pace.Fast : cell.Pace, s_clockStep);
        pacer.Failed += exception => trace.Add("error", "the virtual clock stopped: " + exception.Message);
        var config = ConfigurationFactory.ParseString(RoboLamHosting.ActorSystemConfig(setup));
        using var system = ActorSystem.Create(setup.SystemName, config);
        try
        {
            var controller = system.ActorOf(ControllerActor.Props(setup), "robolam");
            using var events = new BlockingCollection<(TimeSpan At, string Line, GoalOutcome? Outcome)>();
            var follower = system.ActorOf(GoalFollower.Props(message => Record(message, cell, events)), "sim-follower");
            sketch.Take("start");
            trace.Add("goal", $"goal: {string.Join(' ', goal)} ({description})", ("goal", goal), ("description", description));
            controller.Tell(new SubmitGoal("goal-1", GoalCondition.FromLiterals(goal), description), follower);
            var outcome = Follow(events, cell, started);
            WaitForRest(cell, started);
            sketch.Take("end");
            var writesAfterRest = Hold(cell);
            var facts = world.Facts();
            var status = cell.Supervisor.Status(cell.Rig.Clock.GetUtcNow());
            var code = outcome is null ? ExitCodes.TimeLimit : OutcomeExitCodes.For(outcome, status);
            trace.Add("end", $"exit code {code}", ("exitCode", code), ("facts", facts), ("safetyMode", status.Mode.ToString()), ("causes", status.Causes.Select(cause => cause.ToString()).ToArray()));
            var speed = new SpeedFigures(cell.Rig.Clock.Elapsed, started.Elapsed, pacer.BusyVirtualTime, pacer.BusyRealTime, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart);
            return new SimulationResult(code, outcome, goal, facts, trace, speed) { ServoWritesAfterRest = writesAfterRest };
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private ControllerSetup CreateSetup(SimulatedArmCell cell, TabletopWorld world, ArmCommandSource commands)
    {
        var domain = _inputs.Domain;
        var arm = new DeviceSetup(ArmDevice, cell.Arm, [cell.Hardware.Inputs, cell.Camera], commands);
        var outputs = new DeviceSetup("outputs", cell.Outputs, [], new NoActions("outputs"));
        return new ControllerSetup(
            domain,
            InitialWorld.Problem(domain, world, SafetyDescription.Of(_inputs.Robot).PlanInvariants),
            [arm, outputs],
            DeviceAssignments.AllTo(ArmDevice, s_actionDeadline, domain.Actions.Select(action => action.Name)),
            new SupervisorGate(cell.Supervisor, cell.Rig.Clock))
        {
            Sensing = new TabletopSensing(),
            ObjectAttributes = InitialWorld.Attributes(world),
            SystemName = "robolam-sim",
            ExtraHocon = "akka.loglevel = ERROR\nakka.stdout-loglevel = ERROR",
        };
    }

    private void Observe(SimulatedArmCell cell, CellSketch sketch)
    {
        var trace = cell.Trace;
        cell.Hardware.Inputs.ReadingChanged += (_, reading) =>
        {
            if (reading is DigitalInputReading input)
            {
                trace.Add("reading", $"{input.Sensor} {(input.Active ? "active" : "inactive")}", ("sensor", input.Sensor), ("role", input.Role.ToString()), ("active", input.Active));
            }
        };
        cell.Camera.ReadingChanged += (_, reading) =>
        {
            if (reading is SceneReading scene)
            {
                trace.Add("camera", string.Join(' ', scene.Facts), ("facts", scene.Facts));
            }
        };
        cell.Rig.World.BlockMoved += (block, support) =>
            trace.Add("world", $"{block.Name} now rests on {support}", ("block", block.Name), ("support", support));
        cell.Rig.Faults.Fired += fault =>
        {
            trace.Add("fault", $"fault: {Describe(fault)}", ("fault", Describe(fault)));
            _progress.WriteLine($"  {Clock(trace.Now)}  fault: {Describe(fault)}");
            sketch.Take("fault: " + Describe(fault));
        };
    }

    /// <summary>Records a goal event when it happens (on the follower's thread) and queues its line for the console.</summary>
    private static void Record(object message, SimulatedArmCell cell, BlockingCollection<(TimeSpan At, string Line, GoalOutcome? Outcome)> events)
    {
        var line = GoalEventText.Describe(message, out var kind);
        if (line is null)
        {
            return;
        }

        cell.Trace.Add(kind, line, ("actionId", ActionId(message)));
        events.Add((cell.Trace.Now, line, (message as GoalFinished)?.Outcome));
    }

    private static string? ActionId(object message) => message switch
    {
        GoalActionStarted started => started.ActionId,
        GoalActionCompleted completed => completed.ActionId,
        GoalActionFailed failed => failed.ActionId,
        _ => null,
    };

    /// <summary>Faults that wait for an action to start are scheduled relative to that moment, each once.</summary>
    private static void ScheduleAnchored(string action, SimulatedArmCell cell, ConcurrentQueue<ScenarioFault> anchored)
    {
        var count = anchored.Count;
        for (var index = 0; index < count && anchored.TryDequeue(out var fault); index++)
        {
            if (string.Equals(fault.AfterActionStarts, action, StringComparison.OrdinalIgnoreCase))
            {
                cell.Rig.Faults.Schedule(fault.Fault with { At = cell.Rig.Clock.Elapsed + fault.Fault.At });
            }
            else
            {
                anchored.Enqueue(fault);
            }
        }
    }

    /// <summary>Prints the goal's events until it finishes; null when the scenario's virtual time limit ran out first.</summary>
    private GoalOutcome? Follow(BlockingCollection<(TimeSpan At, string Line, GoalOutcome? Outcome)> events, SimulatedArmCell cell, Stopwatch started)
    {
        var trace = cell.Trace;
        while (cell.Rig.Clock.Elapsed < _inputs.Scenario.TimeLimit)
        {
            if (started.Elapsed > _options.RealTimeLimit)
            {
                throw new TimeoutException($"the run took longer than {_options.RealTimeLimit.TotalSeconds:0} s of real time");
            }

            if (!events.TryTake(out var item, TimeSpan.FromMilliseconds(100)))
            {
                continue;
            }

            _progress.WriteLine($"  {Clock(item.At)}  {item.Line}");
            if (item.Outcome is { } outcome)
            {
                return outcome;
            }
        }

        trace.Add("time-limit", $"the scenario's time limit of {_inputs.Scenario.TimeLimit.TotalSeconds:0} s ran out");
        _progress.WriteLine($"  {Clock(trace.Now)}  time limit reached");
        return null;
    }

    private void WaitForRest(SimulatedArmCell cell, Stopwatch started)
    {
        var limit = started.Elapsed + TimeSpan.FromSeconds(10);
        while (cell.IsMoving && started.Elapsed < limit)
        {
            Thread.Sleep(5);
        }
    }

    /// <summary>Keeps the cell running for the hold time and counts servo writes: nothing may move by itself.</summary>
    private int Hold(SimulatedArmCell cell)
    {
        if (_options.HoldAfterEnd <= TimeSpan.Zero)
        {
            return 0;
        }

        var writes = 0;
        void Count(IReadOnlyList<int> channels) => Interlocked.Increment(ref writes);
        cell.Rig.ServoBoard.ChannelsChanged += Count;
        if (_options.ReleaseEmergencyStopsAfterEnd)
        {
            foreach (var input in _inputs.Robot.Inputs.Where(input => input.Role == InputRole.EmergencyStop))
            {
                cell.Rig.Sensors.Drive(input, active: false);
            }

            cell.Trace.Add("operator", "e-stop released (no reset given)");
        }

        var until = cell.Rig.Clock.Elapsed + _options.HoldAfterEnd;
        _forceFast = true;
        while (cell.Rig.Clock.Elapsed < until)
        {
            Thread.Sleep(5);
        }

        _forceFast = false;
        cell.Rig.ServoBoard.ChannelsChanged -= Count;
        cell.Trace.Add("hold", $"held {_options.HoldAfterEnd.TotalSeconds:0.#} s after the end: {writes} servo write(s)", ("servoWrites", writes));
        return writes;
    }

    private static string Describe(SimulatedFault fault) => fault switch
    {
        EmergencyStopPress press => $"e-stop {press.Input} pressed",
        ServoStall stall => $"servo {stall.Joint} stalls",
        ServoLag lag => $"servo {lag.Joint} lags ({lag.SpeedFactor:0.##} of its speed)",
        BlockSlip => "the held block slips out of the gripper",
        StuckInput stuck => $"input {stuck.Input} stuck {(stuck.Active ? "active" : "inactive")}",
        DeviceSilent => "the servo board stops answering",
        _ => fault.GetType().Name,
    };

    internal static string Clock(TimeSpan at) => $"t={at.TotalSeconds,7:0.000}s";
}
