using RoboLam.Runtime.Safety;
using RoboLam.Safety.Supervisor;
using RuntimeDecision = RoboLam.Runtime.Safety.SafetyDecision;

namespace RoboLam.Cli;

/// <summary>
/// Runtime's action-level safety question answered by RoboLam.Safety's supervisor: an action may start or go on
/// only while nothing stops all motion (e-stop, fault, operator stop, interlock on motion). Each command of the
/// action is checked again by the gate around the actuator, so this can only refuse earlier, never allow more.
/// One adapter for every composition (simulated arm, factory line).
/// </summary>
internal sealed class SupervisorGate(SafetySupervisor supervisor, TimeProvider time) : ISafetyGate
{
    public RuntimeDecision Review(SafetyReview review)
    {
        var why = supervisor.WhyNoMotion(time.GetUtcNow());
        return why is null || why.Permits ? RuntimeDecision.Allow : RuntimeDecision.Refuse($"{why.Rule}: {why.Reason}");
    }
}
