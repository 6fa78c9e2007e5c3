using RoboLam.Runtime.Messages;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli.Simulation;

/// <summary>A goal's end, read together with the safety state, as one of the README's exit codes.</summary>
internal static class OutcomeExitCodes
{
    public static int For(GoalOutcome outcome, SafetyStatus safety)
    {
        if (outcome.Status == GoalStatus.Achieved)
        {
            return ExitCodes.Success;
        }

        // A latched e-stop or a fault explains whatever else went wrong after it.
        if (safety.Causes.Any(cause => cause.Rule == SafetyRules.EmergencyStop))
        {
            return ExitCodes.EmergencyStop;
        }

        if (safety.Mode == SafetyMode.Fault)
        {
            return ExitCodes.SafetyFault;
        }

        return outcome.Status switch
        {
            GoalStatus.NoPlan when outcome.Summary.Contains(nameof(Runtime.Planning.PlanningOutcome.TimeLimit), StringComparison.Ordinal) => ExitCodes.TimeLimit,
            GoalStatus.NoPlan when outcome.Summary.Contains(nameof(Runtime.Planning.PlanningOutcome.MemoryLimit), StringComparison.Ordinal) => ExitCodes.MemoryLimit,
            GoalStatus.NoPlan => ExitCodes.Unsolvable,
            GoalStatus.SafetyStopped => ExitCodes.SafetyRefused,
            GoalStatus.Failed => ExitCodes.ExecutionFailed,
            _ => ExitCodes.InternalError,
        };
    }
}
