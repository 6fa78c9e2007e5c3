using RoboLam.Runtime.Semantics;

namespace RoboLam.Runtime.Messages;

// The goal queue's conversation with its clients. The sender of SubmitGoal hears GoalAccepted or GoalRejected,
// then the goal's events (GoalEvent) until GoalFinished.

public sealed record SubmitGoal(string GoalId, GoalCondition Goal, string Description, string? TraceParent = null);

public sealed record GoalAccepted(string GoalId);

public sealed record GoalRejected(string GoalId, string Reason);

/// <summary>Cancels a queued or running goal; answered with <see cref="CancelAcknowledged"/>, then the goal finishes Cancelled.</summary>
public sealed record CancelGoal(string GoalId, string Reason);

public sealed record CancelAcknowledged(string GoalId, bool WasActive);

/// <summary>After a safety stop, queued goals wait for this explicit resume.</summary>
public sealed record ResumeAfterSafetyStop(string RequestId);

public sealed record ResumeAcknowledged(string RequestId, int GoalsReleased);

public enum GoalStatus
{
    Achieved,
    NoPlan,
    Failed,
    Cancelled,
    SafetyStopped,
}

/// <summary>One planning-and-execution attempt of a goal, as reported in its outcome.</summary>
public sealed record AttemptReport(int Attempt, string? PlanId, IReadOnlyList<string> Actions, string Result);

/// <summary>How a goal ended, every attempt with its result, and the actions that completed.</summary>
public sealed record GoalOutcome(GoalStatus Status, string Summary, IReadOnlyList<AttemptReport> Attempts, IReadOnlyList<string> CompletedActions);

/// <summary>Something that happened to a goal, in order.</summary>
public abstract record GoalEvent(string GoalId);

public sealed record GoalQueued(string GoalId, IReadOnlyCollection<string> BusyDevices) : GoalEvent(GoalId);

public sealed record PlanningStarted(string GoalId, int Attempt) : GoalEvent(GoalId);

public sealed record PlanAdopted(string GoalId, int Attempt, string PlanId, IReadOnlyList<string> Actions, int Cost, string Configuration, int Width)
    : GoalEvent(GoalId);

public sealed record GoalActionStarted(string GoalId, string ActionId, string Action, string DeviceId) : GoalEvent(GoalId);

public sealed record GoalActionCompleted(string GoalId, string ActionId, string Action) : GoalEvent(GoalId);

public sealed record GoalActionFailed(string GoalId, string ActionId, string Action, ActionFailure Failure) : GoalEvent(GoalId);

/// <summary>The plan failed or the world diverged; the goal will be planned again from the sensed world.</summary>
public sealed record ReplanScheduled(string GoalId, int NextAttempt, string Reason) : GoalEvent(GoalId);

public sealed record GoalFinished(string GoalId, GoalOutcome Outcome) : GoalEvent(GoalId);

// Between a goal and the queue that owns it: devices are held by one goal at a time.

internal sealed record DevicesWanted(string GoalId, IReadOnlyCollection<string> Devices);

internal sealed record DevicesGranted(string GoalId, IReadOnlyCollection<string> Devices);

internal sealed record DevicesReleased(string GoalId);

/// <summary>A goal tells its queue how it ended before it stops; a safety stop holds the queue.</summary>
internal sealed record GoalConcluded(string GoalId, GoalStatus Status);
