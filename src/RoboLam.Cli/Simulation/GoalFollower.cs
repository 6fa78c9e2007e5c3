using Akka.Actor;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Subscribes to the goal and hands each event to the run as it happens, on the actor's thread, so the trace
/// stamps it with the virtual time at which it occurred rather than when the console got round to it.
/// </summary>
internal sealed class GoalFollower : ReceiveActor
{
    public GoalFollower(Action<object> onEvent)
    {
        ReceiveAny(onEvent);
    }

    public static Props Props(Action<object> onEvent) => Akka.Actor.Props.Create(() => new GoalFollower(onEvent));
}
