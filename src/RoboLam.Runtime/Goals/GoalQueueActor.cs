using Akka.Actor;
using Akka.Event;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Goals;

/// <summary>
/// Accepts goals (one child <c>goal-{id}</c> each) and lends devices: a goal whose plan needs devices that no
/// earlier goal holds or waits for runs at once, others wait in arrival order. After a safety stop, goals that
/// were already accepted wait for an explicit resume; a goal submitted afterwards is a new command and may run.
/// </summary>
public sealed class GoalQueueActor : ReceiveActor, IWithUnboundedStash
{
    private readonly Func<IReadOnlyDictionary<string, IActorRef>, GoalContext> _contextFor;
    private readonly IActorRef _deviceSupervisor;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, GoalEntry> _goals = new(StringComparer.Ordinal);
    private readonly List<(string GoalId, IReadOnlyCollection<string> Devices)> _waiting = [];
    private readonly Dictionary<string, string> _deviceHolders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldBySafetyStop = new(StringComparer.Ordinal);
    private GoalContext? _context;

    public GoalQueueActor(Func<IReadOnlyDictionary<string, IActorRef>, GoalContext> contextFor, IActorRef deviceSupervisor)
    {
        _contextFor = contextFor;
        _deviceSupervisor = deviceSupervisor;
        Receive<DeviceDirectory>(HandleDirectory);
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    /// <param name="contextFor">Builds the goals' context once the device directory is known.</param>
    public static Props Props(Func<IReadOnlyDictionary<string, IActorRef>, GoalContext> contextFor, IActorRef deviceSupervisor) =>
        Akka.Actor.Props.Create(() => new GoalQueueActor(contextFor, deviceSupervisor));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A goal that throws is ended; HandleTerminated frees its devices and tells its subscriber.
        new OneForOneStrategy(exception => Directive.Stop);

    protected override void PreStart() => _deviceSupervisor.Tell(new GetDeviceDirectory("goal-queue"));

    private void HandleDirectory(DeviceDirectory message)
    {
        _context = _contextFor(message.Devices);
        Become(Ready);
        Stash.UnstashAll();
    }

    private void Ready()
    {
        Receive<SubmitGoal>(HandleSubmit);
        Receive<CancelGoal>(HandleCancel);
        Receive<DevicesWanted>(HandleWanted);
        Receive<DevicesReleased>(message => Release(message.GoalId));
        Receive<GoalConcluded>(HandleConcluded);
        Receive<ResumeAfterSafetyStop>(HandleResume);
        Receive<Terminated>(HandleTerminated);
    }

    private void HandleSubmit(SubmitGoal message)
    {
        if (_goals.ContainsKey(message.GoalId))
        {
            Sender.Tell(new GoalRejected(message.GoalId, $"a goal with id {message.GoalId} is already active"));
            return;
        }

        // Accepted is told before the goal actor exists, so the client always hears it before the goal's first event.
        Sender.Tell(new GoalAccepted(message.GoalId));
        var goal = Context.ActorOf(GoalActor.Props(message, Sender, _context!), ActorNames.For("goal", message.GoalId));
        Context.Watch(goal);
        _goals[message.GoalId] = new GoalEntry(goal, Sender);
    }

    private void HandleCancel(CancelGoal message)
    {
        var found = _goals.TryGetValue(message.GoalId, out var entry);
        if (found)
        {
            entry!.Actor.Forward(message);
        }

        Sender.Tell(new CancelAcknowledged(message.GoalId, found));
    }

    private void HandleWanted(DevicesWanted message)
    {
        _waiting.RemoveAll(request => request.GoalId == message.GoalId);
        _waiting.Add((message.GoalId, message.Devices));
        _goals[message.GoalId].ToldQueued = false;
        Grant();
    }

    private void HandleConcluded(GoalConcluded message)
    {
        if (_goals.TryGetValue(message.GoalId, out var entry))
        {
            entry.Concluded = true;
        }

        if (message.Status == GoalStatus.SafetyStopped)
        {
            // Goals accepted before the stop wait for an explicit resume.
            _heldBySafetyStop.UnionWith(_goals.Keys.Where(id => id != message.GoalId));
            _log.Warning("Safety stop in goal {0}: {1} other goal(s) wait for an explicit resume", message.GoalId, _heldBySafetyStop.Count);
        }
    }

    private void HandleResume(ResumeAfterSafetyStop message)
    {
        var released = _heldBySafetyStop.Count;
        _heldBySafetyStop.Clear();
        Sender.Tell(new ResumeAcknowledged(message.RequestId, released));
        Grant();
    }

    private void HandleTerminated(Terminated message)
    {
        var goalId = _goals.FirstOrDefault(pair => pair.Value.Actor.Equals(message.ActorRef)).Key;
        if (goalId is null)
        {
            return;
        }

        var entry = _goals[goalId];
        _goals.Remove(goalId);
        _heldBySafetyStop.Remove(goalId);
        _waiting.RemoveAll(request => request.GoalId == goalId);
        if (!entry.Concluded)
        {
            var outcome = new GoalOutcome(GoalStatus.Failed, "the goal's actor crashed; see the log", [], []);
            entry.Subscriber.Tell(new GoalFinished(goalId, outcome));
            _context!.Journal.Tell(new CommandConcluded(goalId, GoalStatus.Failed, outcome.Summary));
        }

        Release(goalId);
    }

    private void Release(string goalId)
    {
        foreach (var device in _deviceHolders.Where(pair => pair.Value == goalId).Select(pair => pair.Key).ToArray())
        {
            _deviceHolders.Remove(device);
        }

        Grant();
    }

    /// <summary>First come, first served: a request waits while any of its devices is held or wanted by an earlier one.</summary>
    private void Grant()
    {
        var blocked = new HashSet<string>(_deviceHolders.Keys, StringComparer.Ordinal);
        foreach (var request in _waiting.ToArray())
        {
            var entry = _goals[request.GoalId];
            var free = !request.Devices.Any(blocked.Contains) && !_heldBySafetyStop.Contains(request.GoalId);
            if (free)
            {
                _waiting.Remove(request);
                foreach (var device in request.Devices)
                {
                    _deviceHolders[device] = request.GoalId;
                }

                entry.Actor.Tell(new DevicesGranted(request.GoalId, request.Devices));
            }
            else if (!entry.ToldQueued)
            {
                entry.ToldQueued = true;
                var busy = request.Devices.Where(blocked.Contains).ToArray();
                entry.Actor.Tell(new GoalQueued(request.GoalId, busy.Length > 0 ? busy : ["held after a safety stop"]));
            }

            blocked.UnionWith(request.Devices);
        }
    }

    private sealed class GoalEntry(IActorRef actor, IActorRef subscriber)
    {
        public IActorRef Actor { get; } = actor;

        public IActorRef Subscriber { get; } = subscriber;

        public bool Concluded { get; set; }

        public bool ToldQueued { get; set; }
    }
}
