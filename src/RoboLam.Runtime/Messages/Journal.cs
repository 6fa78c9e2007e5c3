namespace RoboLam.Runtime.Messages;

// The command journal's conversation. Goals tell it what happens (these records are also the persisted events);
// clients ask it which commands a crash interrupted.

/// <summary>A persisted fact about one command (goal); the journal replays them after a restart.</summary>
public abstract record JournalEvent(string GoalId);

public sealed record CommandAccepted(string GoalId, string Description, string Goal, DateTimeOffset At) : JournalEvent(GoalId);

public sealed record PlanRecorded(string GoalId, string PlanId, IReadOnlyList<string> Actions) : JournalEvent(GoalId);

public sealed record ActionDispatchRecorded(string GoalId, string ActionId, string Action, string DeviceId) : JournalEvent(GoalId);

/// <summary>The action completed and its effects were confirmed: the last point the controller is sure of.</summary>
public sealed record ActionConfirmationRecorded(string GoalId, string ActionId, string Action) : JournalEvent(GoalId);

public sealed record ActionFailureRecorded(string GoalId, string ActionId, string Action, string Failure) : JournalEvent(GoalId);

public sealed record CommandConcluded(string GoalId, GoalStatus Status, string Summary) : JournalEvent(GoalId);

/// <summary>Written at start-up for a command that was running when the controller stopped; it is never resumed.</summary>
public sealed record CommandInterrupted(string GoalId, string? LastConfirmedAction, IReadOnlyList<string> ActionsInFlight, DateTimeOffset DetectedAt)
    : JournalEvent(GoalId);

/// <summary>What would be reported as interrupted if the controller stopped now; answered with <see cref="OpenCommands"/>.</summary>
public sealed record GetOpenCommands(string RequestId);

public sealed record OpenCommands(string RequestId, IReadOnlyList<InterruptedCommand> Commands);

/// <summary>Answered with <see cref="InterruptedCommands"/> once the journal has recovered.</summary>
public sealed record GetInterruptedCommands(string RequestId);

public sealed record InterruptedCommands(string RequestId, IReadOnlyList<InterruptedCommand> Commands);

/// <summary>
/// A command found unfinished at start-up: what it was, the last action whose effects were confirmed, and the
/// actions that had been sent to devices without a confirmation (their outcome is unknown: check the robot).
/// </summary>
public sealed record InterruptedCommand(string GoalId, string Description, string? LastConfirmedAction, IReadOnlyList<string> ActionsInFlight, DateTimeOffset AcceptedAt);
