using RoboLam.Pddl.Ast;
using RoboLam.Validation.Plans;
using RoboLam.Validation.Semantics;

namespace RoboLam.Validation;

/// <summary>
/// Checks a sequential plan against a PDDL domain and problem with the validator's own semantics
/// (it shares no code with the translator or the search, so it cross-checks both).
/// </summary>
public static class PlanValidator
{
    public static ValidationResult Validate(Domain domain, Problem problem, IReadOnlyList<PlanStep> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ValidationTask task;
        try
        {
            task = TaskCompiler.Compile(domain, problem);
        }
        catch (TaskError error)
        {
            return ValidationResult.Failure(ValidationVerdict.TaskError, null, error.Message);
        }

        return new PlanExecution(task).Run(plan);
    }
}
