using Akka.Actor;
using RoboLam.Runtime.Messages;

namespace RoboLam.Cli.Line;

/// <summary>Submits the order to the controller and follows its events: prints them, records the timeline, completes on the outcome.</summary>
internal sealed class OrderObserver : ReceiveActor
{
    private readonly IActorRef _controller;
    private readonly SubmitGoal _goal;

    public OrderObserver(IActorRef controller, SubmitGoal goal, LineTimeline timeline, TextWriter output, TaskCompletionSource<GoalOutcome> done)
    {
        _controller = controller;
        _goal = goal;
        Receive<GoalAccepted>(_ => output.WriteLine($"{Stamp(timeline)} order accepted as {goal.GoalId}"));
        Receive<GoalRejected>(message => done.TrySetResult(new GoalOutcome(GoalStatus.NoPlan, message.Reason, [], [])));
        Receive<PlanAdopted>(message => output.WriteLine(
            $"{Stamp(timeline)} plan {message.PlanId}: {message.Actions.Count} actions, cost {message.Cost}, up to {message.Width} at once ({message.Configuration})"));
        Receive<GoalActionStarted>(message => timeline.Started(message.ActionId, message.Action, message.DeviceId));
        Receive<GoalActionCompleted>(message => timeline.Ended(message.ActionId, "completed"));
        Receive<GoalActionFailed>(message =>
        {
            timeline.Ended(message.ActionId, message.Failure.Kind.ToString());
            output.WriteLine($"{Stamp(timeline)} {message.Action} failed: {message.Failure}");
        });
        Receive<ReplanScheduled>(message => output.WriteLine($"{Stamp(timeline)} replanning (attempt {message.NextAttempt}): {message.Reason}"));
        Receive<GoalFinished>(message => done.TrySetResult(message.Outcome));
        ReceiveAny(_ => { });
    }

    public static Props Props(IActorRef controller, SubmitGoal goal, LineTimeline timeline, TextWriter output, TaskCompletionSource<GoalOutcome> done) =>
        Akka.Actor.Props.Create(() => new OrderObserver(controller, goal, timeline, output, done));

    protected override void PreStart() => _controller.Tell(_goal);

    private static string Stamp(LineTimeline timeline) => $"[{timeline.Now.TotalSeconds,7:0.000} s]";
}
