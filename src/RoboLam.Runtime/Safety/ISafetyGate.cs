using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Safety;

/// <summary>
/// The last word before and during every action: RoboLam.Safety implements it (limits, interlocks, e-stop latch,
/// modes). Runtime asks it before commanding a device and on every progress tick while the action runs; a refusal
/// during motion stops the device. Implementations are pure and fast: they are called inside an actor.
/// </summary>
public interface ISafetyGate
{
    SafetyDecision Review(SafetyReview review);
}

public enum SafetyPhase
{
    /// <summary>The precondition holds; the command has not been sent.</summary>
    BeforeDispatch,

    /// <summary>The device reported progress; the command is running.</summary>
    WhileRunning,
}

/// <summary>What the gate is asked about: which action on which device, in which world, how far it has got.</summary>
public sealed record SafetyReview(
    SafetyPhase Phase,
    string ActionId,
    PlannedAction Action,
    string DeviceId,
    WorldState World,
    ActionProgress? Progress = null);

public sealed record SafetyDecision(bool Allowed, string? Reason)
{
    public static SafetyDecision Allow { get; } = new(true, null);

    /// <param name="reason">Which rule or interlock refused, in words a person can act on.</param>
    public static SafetyDecision Refuse(string reason) => new(false, reason);
}
