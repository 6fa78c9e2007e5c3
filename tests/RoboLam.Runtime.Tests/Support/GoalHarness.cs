using Akka.Actor;
using Akka.TestKit;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Goals;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>
/// A goal queue with a real world model and planner, and test probes standing in for every device actor
/// and for the journal.
/// </summary>
internal sealed class GoalHarness
{
    private readonly TestKitBase _kit;

    public GoalHarness(
        TestKitBase kit,
        DomainModel domain,
        Problem template,
        WorldState world,
        DeviceAssignments assignments,
        IEnumerable<string> devices,
        IFactSensing? sensing = null,
        ExecutionSettings? settings = null)
    {
        _kit = kit;
        Devices = devices.ToDictionary(id => id, id => kit.CreateTestProbe(id), StringComparer.Ordinal);
        Journal = kit.CreateTestProbe("journal");
        World = kit.Sys.ActorOf(WorldModelActor.Props(world, sensing ?? DigitalInputFacts.None), "world-model");
        var planner = kit.Sys.ActorOf(
            PlannerActor.Props(domain, new ProblemBuilder(domain.Domain, template), new PlannerSettings(["astar(lmcut)"], TimeSpan.FromSeconds(30), TimeSpan.Zero), assignments, World),
            "planner");
        var directory = Devices.ToDictionary(pair => pair.Key, pair => (IActorRef)pair.Value.Ref, StringComparer.Ordinal);
        var supervisor = kit.CreateTestProbe("devices");
        supervisor.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            sender.Tell(new DeviceDirectory(((GetDeviceDirectory)message).RequestId, directory));
            return AutoPilot.KeepRunning;
        }));
        var execution = new ExecutorContext(domain, World, Gate, settings ?? ExecutionSettings.Default);
        Queue = kit.Sys.ActorOf(
            GoalQueueActor.Props(found => new GoalContext(planner, World, Journal.Ref, execution, found), supervisor.Ref),
            "goals");
    }

    public Dictionary<string, TestProbe> Devices { get; }

    public TestProbe Journal { get; }

    public IActorRef World { get; }

    public IActorRef Queue { get; }

    public RecordingGate Gate { get; } = new();

    /// <summary>Submits a goal; the returned probe hears its acceptance and then its events.</summary>
    public TestProbe Submit(string goalId, params string[] literals)
    {
        var subscriber = _kit.CreateTestProbe("subscriber-" + goalId);
        Queue.Tell(new SubmitGoal(goalId, GoalCondition.FromLiterals(literals), string.Join(" and ", literals)), subscriber);
        subscriber.ExpectMsg<GoalAccepted>();
        return subscriber;
    }

    /// <summary>The device finishes the command it was given.</summary>
    public static void Complete(TestProbe device, SentCommand command) =>
        command.Executor.Tell(new ActionFinished(command.ActionId, device.Ref.Path.Name, Hardware.Contracts.CommandStatus.Completed), device.Ref);

    /// <summary>The next action a device is told to run, and the executor waiting for its answer.</summary>
    public static SentCommand NextCommand(TestProbe device)
    {
        var message = device.ExpectMsg<ExecuteAction>(TimeSpan.FromSeconds(30));
        return new SentCommand(message, device.LastSender);
    }

    public static T Next<T>(TestProbe subscriber)
        where T : GoalEvent =>
        subscriber.FishForMessage<T>(_ => true, TimeSpan.FromSeconds(30));
}

internal sealed record SentCommand(ExecuteAction Message, IActorRef Executor)
{
    public string ActionId => Message.ActionId;

    public PlannedAction Action => Message.Action;
}
