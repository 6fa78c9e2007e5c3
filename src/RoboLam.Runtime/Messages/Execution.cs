using RoboLam.Runtime.Planning;

namespace RoboLam.Runtime.Messages;

// The conversation inside a running plan: action executors report to their plan executor, which reports to
// the goal that owns the plan. Every message carries the action or plan id it is about.

public enum FailureKind
{
    /// <summary>The precondition did not hold in the live world within the wait allowed.</summary>
    PreconditionTimeout,

    /// <summary>The safety gate refused the action before or while it ran.</summary>
    SafetyRefused,

    /// <summary>The device ended the command with a stop (e-stop, interlock): nothing resumes by itself.</summary>
    SafetyStop,

    /// <summary>The device refused the command: nothing was done.</summary>
    DeviceRefused,

    /// <summary>The device reported a failure or its actor ended.</summary>
    DeviceFailed,

    HeartbeatLost,

    DeadlineOverrun,

    /// <summary>The device finished, but the sensed world does not show the action's effects.</summary>
    EffectsNotSensed,

    /// <summary>Sensing contradicted a fact the plan relies on.</summary>
    WorldDiverged,

    /// <summary>Stopped on request (a cancel, or another action's failure).</summary>
    Stopped,

    /// <summary>The action could not be interpreted or an executor crashed: a bug, reported as such.</summary>
    InternalError,
}

public sealed record ActionFailure(FailureKind Kind, string Reason)
{
    /// <summary>After these nothing resumes by itself: a new command or an explicit resume is needed.</summary>
    public bool HaltsController => Kind is FailureKind.SafetyRefused or FailureKind.SafetyStop or FailureKind.DeviceRefused;

    public override string ToString() => $"{Kind}: {Reason}";
}

/// <summary>The action's precondition held, the safety gate allowed it and its command went to the device.</summary>
public sealed record ActionDispatched(string ActionId, PlannedAction Action, string DeviceId);

/// <summary>The device finished and the sensed world shows the effects, now applied to the world model.</summary>
public sealed record ActionCompleted(string ActionId, PlannedAction Action, string DeviceId, TimeSpan Duration);

public sealed record ActionFailed(string ActionId, PlannedAction Action, string DeviceId, ActionFailure Failure);

/// <summary>Stop a running action: its device is brought to a safe state, then it reports <see cref="ActionFailed"/>.</summary>
public sealed record StopAction(string ActionId, string Reason);

/// <summary>Every action of the plan completed.</summary>
public sealed record PlanCompleted(string PlanId, IReadOnlyList<string> CompletedActionIds);

/// <summary>
/// The plan ended early; every action it had started has ended and its devices were told to stop.
/// <paramref name="FailedActionId"/> is null when the plan was stopped on request or diverged between actions.
/// </summary>
public sealed record PlanFailed(string PlanId, string? FailedActionId, ActionFailure Failure, IReadOnlyList<string> CompletedActionIds);

/// <summary>Stop the whole plan (a cancel); answered with <see cref="PlanFailed"/> of kind <see cref="FailureKind.Stopped"/>.</summary>
public sealed record StopPlan(string PlanId, string Reason);
