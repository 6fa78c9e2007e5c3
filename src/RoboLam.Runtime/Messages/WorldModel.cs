using Akka.Actor;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Messages;

// The world model's conversation: snapshots, change subscriptions, sensing, confirmed effects, contradictions.

/// <summary>Asks for the current world; answered with <see cref="WorldSnapshot"/>.</summary>
public sealed record GetWorld(string RequestId);

public sealed record WorldSnapshot(string RequestId, WorldState World);

/// <summary>The sender hears <see cref="WorldChanged"/> now (with the current state) and after every change.</summary>
public sealed record SubscribeToWorld(string SubscriptionId);

public sealed record UnsubscribeFromWorld(string SubscriptionId);

/// <summary>The world after a change; <paramref name="Cause"/> says what changed it.</summary>
public sealed record WorldChanged(string SubscriptionId, WorldState World, string Cause);

/// <summary>A device's raw reading, turned into facts by the sensing model.</summary>
public sealed record SensorReadingReceived(string DeviceId, SensorReading Reading);

/// <summary>Facts observed directly (a device that reports state as facts, an operator's correction).</summary>
public sealed record FactsSensed(string Source, IReadOnlyList<SensedFact> Facts);

/// <summary>Adds objects to the catalogue or refines their attributes.</summary>
public sealed record UpdateObjects(string RequestId, IReadOnlyList<CatalogueObject> Objects);

public sealed record ObjectsUpdated(string RequestId, long Version);

/// <summary>
/// An action finished: check that its observable effects are sensed (waiting up to <paramref name="SettleTime"/>
/// for readings to arrive), then apply all of its effects. Answered with <see cref="EffectsConfirmed"/> or
/// <see cref="EffectsNotSensed"/>.
/// </summary>
public sealed record ConfirmEffects(string ActionId, FactChanges Expected, TimeSpan SettleTime);

public sealed record EffectsConfirmed(string ActionId, long Version);

/// <summary>The sensed world disagrees with the effects; <paramref name="Mismatches"/> name each fact and its sensed value.</summary>
public sealed record EffectsNotSensed(string ActionId, IReadOnlyList<string> Mismatches);

/// <summary>The sender hears <see cref="FactContradicted"/> when sensing changes one of these facts.</summary>
public sealed record WatchFacts(string WatchId, IReadOnlyCollection<GroundFact> Facts);

public sealed record UnwatchFacts(string WatchId);

/// <summary>Sensing changed a watched fact: the plan that relies on it learns that the world diverged.</summary>
public sealed record FactContradicted(string WatchId, GroundFact Fact, bool Believed, bool Sensed, string Source)
{
    public string Describe() =>
        $"{Source} sensed {Fact} {(Sensed ? "true" : "false")}, but the plan relied on it being {(Believed ? "true" : "false")}";
}
