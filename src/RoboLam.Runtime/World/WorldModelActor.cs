using Akka.Actor;
using Akka.Event;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.World;

/// <summary>
/// Holds the controller's belief about the world. Sensing overrides belief for the facts it observes;
/// confirmed action effects update the rest. Subscribers hear every change; watchers hear when sensing
/// contradicts a fact their plan relies on; action executors ask it to confirm effects against sensing.
/// </summary>
public sealed class WorldModelActor : ReceiveActor, IWithTimers
{
    private readonly IFactSensing _sensing;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, IActorRef> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IActorRef Watcher, HashSet<GroundFact> Facts)> _watches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingConfirmation> _pending = new(StringComparer.Ordinal);
    private WorldState _world;

    public WorldModelActor(WorldState initial, IFactSensing sensing)
    {
        _world = initial;
        _sensing = sensing;
        Receive<GetWorld>(HandleGetWorld);
        Receive<SubscribeToWorld>(HandleSubscribe);
        Receive<UnsubscribeFromWorld>(message => _subscribers.Remove(message.SubscriptionId));
        Receive<SensorReadingReceived>(HandleReading);
        Receive<FactsSensed>(message => ApplySensed(message.Source, message.Facts));
        Receive<ConfirmEffects>(HandleConfirmEffects);
        Receive<ConfirmationTimedOut>(HandleConfirmationTimedOut);
        Receive<UpdateObjects>(HandleUpdateObjects);
        Receive<WatchFacts>(message => _watches[message.WatchId] = (Sender, message.Facts.ToHashSet()));
        Receive<UnwatchFacts>(message => _watches.Remove(message.WatchId));
        Receive<Terminated>(HandleTerminated);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(WorldState initial, IFactSensing sensing) =>
        Akka.Actor.Props.Create(() => new WorldModelActor(initial, sensing));

    private void HandleGetWorld(GetWorld message) => Sender.Tell(new WorldSnapshot(message.RequestId, _world));

    private void HandleSubscribe(SubscribeToWorld message)
    {
        _subscribers[message.SubscriptionId] = Sender;
        Context.Watch(Sender);
        Sender.Tell(new WorldChanged(message.SubscriptionId, _world, "subscribed"));
    }

    private void HandleReading(SensorReadingReceived message)
    {
        var facts = _sensing.Interpret(message.DeviceId, message.Reading, _world);
        if (facts.Count > 0)
        {
            ApplySensed($"{message.DeviceId}/{message.Reading.Sensor}", facts);
        }
    }

    private void ApplySensed(string source, IReadOnlyList<SensedFact> facts)
    {
        var changed = facts.Where(value => _world.Holds(value.Fact) != value.Holds).ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        foreach (var value in changed)
        {
            foreach (var (watchId, watch) in _watches)
            {
                if (watch.Facts.Contains(value.Fact))
                {
                    watch.Watcher.Tell(new FactContradicted(watchId, value.Fact, !value.Holds, value.Holds, source));
                }
            }
        }

        Publish(_world.Apply(changed), $"sensed by {source}: {string.Join(' ', changed.Select(value => value.ToString()))}");
        RecheckPendingConfirmations();
    }

    private void HandleConfirmEffects(ConfirmEffects message)
    {
        var pending = new PendingConfirmation(message.ActionId, message.Expected, Sender);
        if (TryConfirm(pending))
        {
            return;
        }

        if (message.SettleTime <= TimeSpan.Zero)
        {
            Reject(pending);
            return;
        }

        _pending[message.ActionId] = pending;
        Timers.StartSingleTimer(TimerKey(message.ActionId), new ConfirmationTimedOut(message.ActionId), message.SettleTime);
    }

    private void HandleConfirmationTimedOut(ConfirmationTimedOut message)
    {
        if (_pending.Remove(message.ActionId, out var pending))
        {
            Reject(pending);
        }
    }

    private void RecheckPendingConfirmations()
    {
        foreach (var pending in _pending.Values.ToArray())
        {
            if (TryConfirm(pending))
            {
                _pending.Remove(pending.ActionId);
                Timers.Cancel(TimerKey(pending.ActionId));
            }
        }
    }

    /// <summary>Applies the effects when every observable one is already sensed as expected.</summary>
    private bool TryConfirm(PendingConfirmation pending)
    {
        if (Mismatches(pending.Expected).Count > 0)
        {
            return false;
        }

        Publish(_world.Apply(pending.Expected), $"effects of {pending.ActionId}");
        pending.ReplyTo.Tell(new EffectsConfirmed(pending.ActionId, _world.Version));
        return true;
    }

    private void Reject(PendingConfirmation pending)
    {
        var mismatches = Mismatches(pending.Expected);
        _log.Warning("Effects of {0} not sensed: {1}", pending.ActionId, string.Join("; ", mismatches));
        pending.ReplyTo.Tell(new EffectsNotSensed(pending.ActionId, mismatches));
    }

    private List<string> Mismatches(FactChanges expected) =>
        expected.Outcomes()
            .Where(value => _sensing.IsObservable(value.Fact) && _world.Holds(value.Fact) != value.Holds)
            .Select(value => $"expected {value}, sensed {(value.Holds ? "(not " + value.Fact + ")" : value.Fact.ToString())}")
            .ToList();

    private void HandleUpdateObjects(UpdateObjects message)
    {
        var objects = _world.Objects;
        foreach (var item in message.Objects)
        {
            objects = objects.With(item);
        }

        Publish(_world.WithObjects(objects), $"objects updated: {string.Join(", ", message.Objects.Select(item => item.Name))}");
        Sender.Tell(new ObjectsUpdated(message.RequestId, _world.Version));
    }

    private void HandleTerminated(Terminated message)
    {
        foreach (var id in _subscribers.Where(pair => pair.Value.Equals(message.ActorRef)).Select(pair => pair.Key).ToArray())
        {
            _subscribers.Remove(id);
        }

        foreach (var id in _watches.Where(pair => pair.Value.Watcher.Equals(message.ActorRef)).Select(pair => pair.Key).ToArray())
        {
            _watches.Remove(id);
        }
    }

    private void Publish(WorldState next, string cause)
    {
        _world = next;
        foreach (var (id, subscriber) in _subscribers)
        {
            subscriber.Tell(new WorldChanged(id, _world, cause));
        }
    }

    private static string TimerKey(string actionId) => "confirm-" + actionId;

    private sealed record PendingConfirmation(string ActionId, FactChanges Expected, IActorRef ReplyTo);

    private sealed record ConfirmationTimedOut(string ActionId);
}
