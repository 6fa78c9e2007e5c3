using RoboLam.Hardware.Contracts;

namespace RoboLam.Safety.Decisions;

/// <summary>What the safety core says about one actuator command.</summary>
public enum SafetyVerdict
{
    /// <summary>The command may run as it is.</summary>
    Allow,

    /// <summary>The command may run in the restricted form carried by the decision (e.g. slowed down).</summary>
    Clamp,

    /// <summary>The command must not reach the actuator.</summary>
    Refuse,
}

/// <summary>
/// The answer for one command: the verdict, the command to send (the original, a clamped copy with the same
/// id, or none), the rule that decided and a reason a person can act on.
/// </summary>
public sealed record SafetyDecision(SafetyVerdict Verdict, ActuatorCommand? Command, string Rule, string Reason)
{
    public bool Permits => Verdict != SafetyVerdict.Refuse;

    public static SafetyDecision Allow(ActuatorCommand command) => new(SafetyVerdict.Allow, command, SafetyRules.Allowed, "within the envelope and every rule");

    public static SafetyDecision Clamp(ActuatorCommand clamped, string rule, string reason) => new(SafetyVerdict.Clamp, clamped, rule, reason);

    public static SafetyDecision Refuse(string rule, string reason) => new(SafetyVerdict.Refuse, null, rule, reason);

    public override string ToString() => $"{Verdict} by {Rule}: {Reason}";
}
