using Akka.Actor;
using RoboLam.Runtime.Execution;

namespace RoboLam.Runtime.Goals;

/// <summary>The actors and settings every goal of one controller works with.</summary>
public sealed record GoalContext(
    IActorRef Planner,
    IActorRef WorldModel,
    IActorRef Journal,
    ExecutorContext Execution,
    IReadOnlyDictionary<string, IActorRef> Devices);
