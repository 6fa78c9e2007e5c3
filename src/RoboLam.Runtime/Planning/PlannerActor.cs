using Akka.Actor;
using Akka.Event;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// Receives goals to plan for and runs one planning session per request (child <c>planning-{requestId}</c>),
/// relaying each session's answer to whoever asked. A session that crashes is answered for.
/// </summary>
public sealed class PlannerActor : ReceiveActor
{
    private readonly PlanningContext _context;
    private readonly IActorRef _worldModel;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, (IActorRef Session, IActorRef Requester)> _sessions = new(StringComparer.Ordinal);

    public PlannerActor(DomainModel domain, ProblemBuilder problems, PlannerSettings settings, DeviceAssignments assignments, IActorRef worldModel)
    {
        _context = new PlanningContext(domain, problems, settings, assignments);
        _worldModel = worldModel;
        Receive<PlanGoal>(HandlePlanGoal);
        Receive<CancelPlanning>(HandleCancel);
        Receive<PlanReady>(message => Relay(message.RequestId, message));
        Receive<NoPlanFound>(message => Relay(message.RequestId, message));
        Receive<Terminated>(HandleTerminated);
    }

    public static Props Props(DomainModel domain, ProblemBuilder problems, PlannerSettings settings, DeviceAssignments assignments, IActorRef worldModel) =>
        Akka.Actor.Props.Create(() => new PlannerActor(domain, problems, settings, assignments, worldModel));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A session holds no state worth restarting; a crashed one is answered for in HandleTerminated.
        new OneForOneStrategy(exception => Directive.Stop);

    private void HandlePlanGoal(PlanGoal message)
    {
        if (_sessions.ContainsKey(message.RequestId))
        {
            Sender.Tell(new NoPlanFound(message.RequestId, PlanningOutcome.InternalError, [$"request {message.RequestId} is already being planned"]));
            return;
        }

        var session = Context.ActorOf(PlanningSessionActor.Props(message, _context, _worldModel), ActorNames.For("planning", message.RequestId));
        Context.Watch(session);
        _sessions[message.RequestId] = (session, Sender);
    }

    private void HandleCancel(CancelPlanning message)
    {
        if (_sessions.TryGetValue(message.RequestId, out var entry))
        {
            entry.Session.Tell(message);
        }
    }

    private void Relay(string requestId, object reply)
    {
        if (_sessions.Remove(requestId, out var entry))
        {
            Context.Unwatch(entry.Session);
            entry.Requester.Tell(reply);
        }
    }

    private void HandleTerminated(Terminated message)
    {
        var crashed = _sessions.FirstOrDefault(pair => pair.Value.Session.Equals(message.ActorRef));
        if (crashed.Key is null)
        {
            return;
        }

        _log.Error("Planning session {0} stopped without an answer", crashed.Key);
        _sessions.Remove(crashed.Key);
        crashed.Value.Requester.Tell(new NoPlanFound(crashed.Key, PlanningOutcome.InternalError, ["the planning session crashed; see the log"]));
    }
}
