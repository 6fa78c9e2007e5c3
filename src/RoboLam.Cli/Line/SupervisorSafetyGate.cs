using RoboLam.Runtime.Safety;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli.Line;

/// <summary>
/// The runtime's action-level gate over RoboLam.Safety's supervisor: an action may start or go on only while
/// motion as such is allowed (no e-stop, fault, operator stop or motion interlock). Each command is then judged
/// again by the <c>SafeActuator</c> around its device.
/// </summary>
internal sealed class SupervisorSafetyGate(SafetySupervisor supervisor, TimeProvider time) : ISafetyGate
{
    public SafetyDecision Review(SafetyReview review)
    {
        var refusal = supervisor.WhyNoMotion(time.GetUtcNow());
        return refusal is null ? SafetyDecision.Allow : SafetyDecision.Refuse($"{refusal.Rule}: {refusal.Reason}");
    }
}
