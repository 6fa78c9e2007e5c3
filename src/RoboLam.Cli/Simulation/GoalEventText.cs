using RoboLam.Runtime.Messages;

namespace RoboLam.Cli.Simulation;

/// <summary>The goal's events as one console line each, with the trace kind they are recorded under.</summary>
internal static class GoalEventText
{
    public static string? Describe(object message, out string kind)
    {
        (kind, var text) = message switch
        {
            GoalAccepted => ("accepted", "goal accepted"),
            GoalRejected rejected => ("rejected", $"goal rejected: {rejected.Reason}"),
            PlanningStarted planning => ("planning", $"planning (attempt {planning.Attempt})"),
            PlanAdopted plan => ("plan", $"plan of {plan.Actions.Count} action(s) by {plan.Configuration}: {string.Join(", ", plan.Actions)}"),
            GoalActionStarted started => ("action-started", $"start    {started.Action}"),
            GoalActionCompleted completed => ("action-completed", $"done     {completed.Action}"),
            GoalActionFailed failed => ("action-failed", $"FAILED   {failed.Action}: {failed.Failure}"),
            ReplanScheduled replan => ("replan", $"replanning (attempt {replan.NextAttempt}): {replan.Reason}"),
            GoalQueued queued => ("queued", $"waiting for {string.Join(", ", queued.BusyDevices)}"),
            GoalFinished finished => ("finished", $"{finished.Outcome.Status}: {finished.Outcome.Summary}"),
            _ => (string.Empty, null),
        };
        return text;
    }
}
