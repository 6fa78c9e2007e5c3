using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Interlocks;

namespace RoboLam.Safety.Supervisor;

/// <summary>
/// The supervisor wants <see cref="Actuator"/> (every actuator when null) brought to its safe state now,
/// with <see cref="Request"/>; <see cref="Rule"/> says why.
/// </summary>
public sealed record StopDemand(string? Actuator, StopRequest Request, string Rule)
{
    public bool Targets(string actuator) => Actuator is null || string.Equals(Actuator, actuator, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The answer to a reset: accepted (the latch and faults are cleared; nothing restarts) or refused with
/// what still holds it back.
/// </summary>
public sealed record ResetResult(bool Accepted, IReadOnlyList<SafetyCause> Cleared, IReadOnlyList<string> Blocking)
{
    public string Message => Accepted
        ? Cleared.Count == 0 ? "nothing was latched" : $"reset: cleared {string.Join("; ", Cleared.Select(cause => cause.Description))}; nothing restarts until a new command arrives"
        : $"reset refused: {string.Join("; ", Blocking)}";
}

/// <summary>The answer to a mode request, with the mode now in force.</summary>
public sealed record ModeChangeResult(bool Accepted, SafetyMode Mode, string Reason);

/// <summary>
/// A command the supervisor has looked at for an actuator: the decision, and when permitted the ticket that
/// marks it as running until <see cref="SafetySupervisor.Completed"/>.
/// </summary>
public sealed record Admission(long Ticket, string Actuator, SafetyDecision Decision, long StopEpoch);

/// <summary>The mode, why it is what it is, and the facts the rules see.</summary>
public sealed record SafetyStatus(SafetyMode Mode, IReadOnlyList<SafetyCause> Causes, WorldFacts Facts);
