using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;
using RoboLam.Hardware.Contracts;
using RoboLam.Pddl;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Benchmarks;

/// <summary>
/// The runtime's own overhead around a device, on the real actors (world model, action and plan executors) with a
/// stand-in device actor that answers nothing by itself. <see cref="ActionMayStartToDeviceReceives"/>: from the
/// moment an action may start (its executor is created, as the plan executor does once its predecessors are done)
/// through the live precondition check and the safety gate to the device actor receiving its command.
/// <see cref="DeviceCompletionToNextActionStarts"/>: from the device's completion of one action through effect
/// confirmation in the world model and the plan executor to the device receiving the next action's command.
/// </summary>
[Config(typeof(DispatchConfig))]
public class DispatchBenchmarks
{
    private readonly DeviceStandIn _device = new();
    private readonly ManualResetEventSlim _ended = new();
    private ActorSystem _system = null!;
    private IActorRef _deviceActor = null!;
    private IActorRef _host = null!;
    private ExecutorContext _context = null!;
    private DomainModel _domain = null!;
    private WorldState _world = null!;
    private Dictionary<string, IActorRef> _devices = null!;
    private int _plan;
    private ExecutablePlan _next = null!;
    private Received _first = null!;

    [GlobalSetup]
    public void Setup()
    {
        var domain = PddlParser.ParseDomain("""
            (define (domain relay) (:requirements :strips :typing)
              (:types device)
              (:predicates (switched ?d - device))
              (:action switch :parameters (?d - device) :effect (switched ?d)))
            """, "relay.pddl").Value!;
        var problem = PddlParser.ParseProblem("""
            (define (problem one) (:domain relay) (:objects d1 - device) (:init) (:goal (switched d1)))
            """, "one.pddl").Value!;
        _domain = DomainModel.Create(domain);
        _world = WorldState.FromProblem(domain, problem);
        _system = ActorSystem.Create("dispatch", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var world = _system.ActorOf(WorldModelActor.Props(_world, DigitalInputFacts.None), "world-model");
        _deviceActor = _system.ActorOf(Props.Create(() => new DeviceStandInActor(_device)), "device-d1");
        _devices = new Dictionary<string, IActorRef>(StringComparer.Ordinal) { ["d1"] = _deviceActor };
        _host = _system.ActorOf(Props.Create(() => new HostActor(_ended)), "host");

        // Watchdogs far away: only the dispatch path is measured.
        var settings = new ExecutionSettings { PreconditionTimeout = TimeSpan.FromMinutes(5), HeartbeatTimeout = TimeSpan.FromMinutes(5) };
        _context = new ExecutorContext(_domain, world, new AllowAll(), settings);
    }

    [IterationSetup(Target = nameof(ActionMayStartToDeviceReceives))]
    public void PrepareOneAction()
    {
        _next = Plan(1);
        _device.Reset();
    }

    [Benchmark]
    public Received ActionMayStartToDeviceReceives()
    {
        _host.Tell(ActionExecutorActor.Props(_next.Steps[0], _context, _deviceActor));
        return _device.Wait();
    }

    [IterationCleanup(Target = nameof(ActionMayStartToDeviceReceives))]
    public void FinishOneAction() => CompleteAndWait(_device.Last!);

    [IterationSetup(Target = nameof(DeviceCompletionToNextActionStarts))]
    public void StartTwoActions()
    {
        _device.Reset();
        _host.Tell(PlanExecutorActor.Props(Plan(2), _context, _devices));
        _first = _device.Wait();
        _device.Reset();
    }

    [Benchmark]
    public Received DeviceCompletionToNextActionStarts()
    {
        _first.Executor.Tell(new ActionFinished(_first.Command.ActionId, "d1", CommandStatus.Completed), _deviceActor);
        return _device.Wait();
    }

    [IterationCleanup(Target = nameof(DeviceCompletionToNextActionStarts))]
    public void FinishTwoActions() => CompleteAndWait(_device.Last!);

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    private void CompleteAndWait(Received last)
    {
        _ended.Reset();
        last.Executor.Tell(new ActionFinished(last.Command.ActionId, "d1", CommandStatus.Completed), _deviceActor);
        if (!_ended.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("the action did not end within 30 s");
        }
    }

    /// <summary>A plan of <paramref name="length"/> switches of d1; one device, so each waits for the one before.</summary>
    private ExecutablePlan Plan(int length) =>
        ExecutablePlanFactory.Create(
            $"p{++_plan}",
            GoalCondition.FromLiterals("(switched d1)"),
            Enumerable.Repeat(PlannedAction.FromOperatorName("(switch d1)"), length).ToImmutableArray(),
            length,
            _domain,
            _world,
            Runtime.Devices.DeviceAssignments.AllTo("d1", TimeSpan.FromMinutes(5), _domain.ActionNames),
            "benchmark",
            TimeSpan.Zero);

    /// <summary>One measured call per iteration (each needs its own set-up), in process, outliers kept.</summary>
    private sealed class DispatchConfig : ManualConfig
    {
        public DispatchConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(100)
                .WithIterationCount(1000)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}

/// <summary>A command as the stand-in device received it, with the executor that sent it.</summary>
public sealed record Received(ExecuteAction Command, IActorRef Executor);

/// <summary>Where the stand-in device actor leaves the command it received, for the measuring thread.</summary>
internal sealed class DeviceStandIn
{
    private readonly ManualResetEventSlim _received = new();

    public Received? Last { get; private set; }

    public void Reset() => _received.Reset();

    public void Arrived(Received received)
    {
        Last = received;
        _received.Set();
    }

    public Received Wait() =>
        _received.Wait(TimeSpan.FromSeconds(30)) ? Last! : throw new InvalidOperationException("the device received no command within 30 s");
}

internal sealed class DeviceStandInActor : ReceiveActor
{
    public DeviceStandInActor(DeviceStandIn device) => Receive<ExecuteAction>(message => device.Arrived(new Received(message, Sender)));
}

/// <summary>Stands where the plan executor (or the goal) is: starts what it is given, signals when it ends.</summary>
internal sealed class HostActor : ReceiveActor
{
    public HostActor(ManualResetEventSlim ended)
    {
        Receive<Props>(props => Context.Watch(Context.ActorOf(props)));
        Receive<ActionCompleted>(_ => ended.Set());
        Receive<PlanCompleted>(_ => ended.Set());
        Receive<ActionFailed>(message => throw new InvalidOperationException(message.Failure.ToString()));
        Receive<PlanFailed>(message => throw new InvalidOperationException(message.Failure.ToString()));
        ReceiveAny(_ => { });
    }
}

internal sealed class AllowAll : ISafetyGate
{
    public SafetyDecision Review(SafetyReview review) => SafetyDecision.Allow;
}
