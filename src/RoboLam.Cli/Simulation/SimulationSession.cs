using System.Collections.Concurrent;
using System.Diagnostics;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Messages;
using RoboLam.Sim.Faults;
using RoboLam.Sim.Scenarios;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// One run of the real controller on the simulated cell (<see cref="ArmController"/>): schedules the
/// faults, submits the goal, follows its events into the trace and the console until it ends, lets the arm come
/// to rest, and reads the table. The virtual clock runs fast while something moves and at real pace otherwise.
/// </summary>
internal sealed class SimulationSession
{
    private readonly ScenarioInputs _inputs;
    private readonly SimulationOptions _options;
    private readonly TextWriter _progress;

    public SimulationSession(ScenarioInputs inputs, SimulationOptions options, TextWriter progress)
    {
        _inputs = inputs;
        _options = options;
        _progress = progress;
    }

    public SimulationResult Run(IReadOnlyList<string> goal, string description)
    {
        var world = _inputs.CreateWorld();
        using var arm = new ArmController(_inputs, world);
        var cell = arm.Cell;
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

        arm.Commands.Expanding += (actionId, action) =>
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
        var started = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        arm.Start();
        using var events = new BlockingCollection<(TimeSpan At, string Line, GoalOutcome? Outcome)>();
        sketch.Take("start");
        trace.Add("goal", $"goal: {string.Join(' ', goal)} ({description})", ("goal", goal), ("description", description));
        arm.Submit("goal-1", goal, description, message => Record(message, cell, events));
        var outcome = Follow(events, cell, started);
        WaitForRest(cell, started);
        sketch.Take("end");
        var writesAfterRest = Hold(arm);
        var facts = world.Facts();
        var status = cell.Supervisor.Status(cell.Rig.Clock.GetUtcNow());
        var code = outcome is null ? ExitCodes.TimeLimit : OutcomeExitCodes.For(outcome, status);
        trace.Add("end", $"exit code {code}", ("exitCode", code), ("facts", facts), ("safetyMode", status.Mode.ToString()), ("causes", status.Causes.Select(cause => cause.ToString()).ToArray()));
        var pacer = arm.Pacer!;
        var speed = new SpeedFigures(cell.Rig.Clock.Elapsed, started.Elapsed, pacer.BusyVirtualTime, pacer.BusyRealTime, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart);
        return new SimulationResult(code, outcome, goal, facts, trace, speed) { ServoWritesAfterRest = writesAfterRest };
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
    private int Hold(ArmController arm)
    {
        var cell = arm.Cell;
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
        arm.ForceFast = true;
        while (cell.Rig.Clock.Elapsed < until)
        {
            Thread.Sleep(5);
        }

        arm.ForceFast = false;
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
