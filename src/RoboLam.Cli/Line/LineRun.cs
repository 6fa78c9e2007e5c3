using System.Text.RegularExpressions;
using Akka.Actor;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Hosting;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim.Line;
using UnitsNet;

namespace RoboLam.Cli.Line;

/// <summary>
/// Runs one scenario's order through the real runtime against the simulated line: broker and devices (<see cref="LineRig"/>),
/// every device proxy behind a <see cref="SafeActuator"/> of the cell's supervisor, the controller actor, the order as
/// one goal; returns the figures when the goal ends.
/// </summary>
internal static partial class LineRun
{
    /// <summary>Heartbeat silence the runtime tolerates: longer than a broker restart, far shorter than any operation's deadline.</summary>
    private static readonly TimeSpan s_heartbeatTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How often the controller's loop beats the cell's control-loop watchdog (its timeout is CellSafety's).</summary>
    private static readonly TimeSpan s_controlLoopPeriod = TimeSpan.FromMilliseconds(100);

    public static async Task<LineReport> RunAsync(LineScenario scenario, Domain domain, Problem problem, BrokerChoice broker, TextWriter output, CancellationToken cancellationToken)
    {
        var world = WorldState.FromProblem(domain, problem);
        var floor = LineFloor.FromFacts(world.Facts.Select(fact => (fact.Predicate, fact.Arguments)));
        var time = TimeProvider.System;
        await using var rig = await LineRig.StartAsync(scenario, floor, broker, MqttCellSettings.Default, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"line {scenario.Cell}: {rig.Devices.Count} devices on {(rig.Broker is { } embedded ? $"the embedded broker {embedded.Address}" : broker.External!.ToString())}");

        var supervisor = new SafetySupervisor(SafetyEnvelope.ForDevices(scenario.Cell, CellSafety(), StopCategory.Controlled));
        using var ticker = new SupervisorTicker(supervisor, time, TimeSpan.FromMilliseconds(50));
        var deadline = Deadline(scenario);
        var gates = scenario.Devices.Select(profile => new SafeActuator(rig.Cell.Device(profile.Name), supervisor, time, shouldDispose: false)).ToArray();
        try
        {
            var devices = scenario.Devices.Select((profile, index) =>
                new DeviceSetup(profile.Name, gates[index], [rig.Cell.Device(profile.Name)], new StationCommands(deadline))).ToArray();
            var assignments = new DeviceAssignments(scenario.Assignments.Select(pair => new DeviceAssignment(pair.Key, pair.Value, deadline)));
            var setup = new ControllerSetup(domain, problem, devices, assignments, new SupervisorGate(supervisor, time))
            {
                Planner = PlannerSettings.Default with { Configurations = ["lama"] },
                Execution = ExecutionSettings.Default with { HeartbeatTimeout = s_heartbeatTimeout },
                ControlLoop = new ControlLoopSettings(new SupervisorHeartbeat(supervisor, time), s_controlLoopPeriod) { Clock = time },
                SystemName = "robolam-line",
                ExtraHocon = "akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING",
            };
            setup.Validate();
            using var system = ActorSystem.Create(setup.SystemName, RoboLamHosting.ActorSystemConfig(setup));
            var controller = system.ActorOf(ControllerActor.Props(setup), "robolam");
            var goal = new GoalCondition(problem.Goal ?? throw new InvalidOperationException($"problem {problem.Name} has no goal"));
            var timeline = new LineTimeline();
            var done = new TaskCompletionSource<GoalOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var events = RunEvents(scenario, rig, output, timeline, cancellationToken);
            system.ActorOf(OrderObserver.Props(controller, new SubmitGoal("order-1", goal, scenario.Order), timeline, TextWriter.Synchronized(output), done), "order-observer");
            var outcome = await done.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
            // Execution makespan: first dispatch to last end, so the bars are shifted to start there; planning time is its own figure.
            var firstDispatch = timeline.Bars.Select(bar => bar.Start).DefaultIfEmpty(TimeSpan.Zero).Min();
            var bars = timeline.Bars.Select(bar => bar with { Start = bar.Start - firstDispatch, End = bar.End - firstDispatch }).ToArray();
            var makespan = bars.Select(bar => bar.End).DefaultIfEmpty(TimeSpan.Zero).Max();
            await system.Terminate().ConfigureAwait(false);
            return new LineReport(scenario.Name, outcome, bars, makespan, PartsShipped(goal, world), timeline.PeakConcurrency, rig.Cell.Reconnections)
            {
                FirstDispatch = firstDispatch,
                CommandsRunTwice = (int)rig.Devices.Sum(device => device.RunAgain),
                DuplicatesAnswered = rig.Devices.Sum(device => device.Duplicates),
            };
        }
        finally
        {
            foreach (var gate in gates)
            {
                gate.Dispose();
            }
        }
    }

    /// <summary>Generous on purpose: a slow device must finish, a stuck one must not hold the line for ever.</summary>
    private static TimeSpan Deadline(LineScenario scenario) =>
        (scenario.Devices.Select(scenario.RealDuration).DefaultIfEmpty(TimeSpan.FromSeconds(1)).Max() * scenario.DeadlineFactor) + MqttCellSettings.Default.AckTimeout;

    /// <summary>The cell's safety: no arm, no e-stop inputs of its own here, device watchdogs at ten heartbeat periods.</summary>
    internal static SafetyDescription CellSafety()
    {
        var watchdog = Duration.FromSeconds(MqttCellSettings.Default.HeartbeatPeriod.TotalSeconds * 10) + Duration.FromSeconds(s_heartbeatTimeout.TotalSeconds);
        return new SafetyDescription(
            Bounds: null,
            KeepOut: [],
            Zones: [],
            SafetyDescription.DefaultClearance,
            Gripper: null,
            Interlocks: [],
            EmergencyStops: [],
            new WatchdogSettings(watchdog, watchdog, StopCategory.Controlled),
            SafetyDescription.DefaultReducedSpeedScale,
            SafetyDescription.DefaultMotionDeadlineSlack);
    }

    /// <summary>The scenario's timed events, on simulated time from the first dispatch; returns what cancels them when the run ends.</summary>
    private static CancellationTokenSource RunEvents(LineScenario scenario, LineRig rig, TextWriter output, LineTimeline timeline, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var item in scenario.Events)
        {
            if (rig.Broker is not { } broker)
            {
                output.WriteLine($"event {item.Kind} at {item.At.TotalSeconds:0.#} s skipped: only the embedded broker can be restarted from here");
                continue;
            }

            _ = Task.Run(
                async () =>
                {
                    await timeline.FirstStart.WaitAsync(stop.Token).ConfigureAwait(false);
                    await Task.Delay(item.At * scenario.TimeScale, stop.Token).ConfigureAwait(false);
                    output.WriteLine($"[{timeline.Now.TotalSeconds,7:0.000} s] broker stopped (scenario event)");
                    await broker.StopAsync().ConfigureAwait(false);
                    await Task.Delay(item.Down * scenario.TimeScale, stop.Token).ConfigureAwait(false);
                    await broker.RestartAsync().ConfigureAwait(false);
                    output.WriteLine($"[{timeline.Now.TotalSeconds,7:0.000} s] broker back");
                },
                stop.Token);
        }

        return stop;
    }

    /// <summary>Parts the order sends to an output station.</summary>
    private static int PartsShipped(GoalCondition goal, WorldState world) =>
        AtFact().Matches(goal.ToString())
            .Where(match => world.Holds(GroundFact.Of("output-station", match.Groups[2].Value)))
            .Select(match => match.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .Count();

    [GeneratedRegex(@"\(at (\S+) ([^\s)]+)\)")]
    private static partial Regex AtFact();
}
