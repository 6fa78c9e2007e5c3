using RoboLam.Pddl.Ast;
using RoboLam.Planning;
using RoboLam.Translation;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// Checked PDDL in, validated plan out: translate, search, then validate the plan against the PDDL itself with a
/// validator that shares no code with translation or search. The command line and the planner actors both use it.
/// </summary>
public static class PlanningPipeline
{
    /// <param name="onImprovedPlan">Called with each validated plan an anytime search finds before the final report.</param>
    public static PlanningReport Plan(
        Domain domain,
        Problem problem,
        PlanningRequest request,
        CancellationToken cancellationToken = default,
        Action<PlanningReport>? onImprovedPlan = null)
    {
        TranslationResult translation;
        try
        {
            translation = Translator.Translate(domain, problem, cancellationToken);
        }
        catch (TranslationException exception)
        {
            return Failed(PlanningOutcome.Unsupported, [exception.Message], null, null);
        }
        catch (OperationCanceledException)
        {
            return Failed(PlanningOutcome.Cancelled, ["planning was cancelled during translation"], null, null);
        }

        if (!translation.GoalIsRelaxedReachable)
        {
            return Failed(PlanningOutcome.Unsolvable, translation.UnreachableGoalExplanations, translation, null);
        }

        var task = translation.Task;
        var limits = new SearchLimits(request.TimeLimit, request.MemoryLimitBytes);
        Action<SearchResult>? improved = onImprovedPlan is null
            ? null
            : result => onImprovedPlan(Validate(domain, problem, translation, result));
        var search = Planner.Solve(task, request.SearchConfiguration, limits, cancellationToken, improved);
        return search.Outcome switch
        {
            SearchOutcome.Solved => Validate(domain, problem, translation, search),
            SearchOutcome.Unsolvable => Failed(
                PlanningOutcome.Unsolvable,
                [$"the search exhausted all {search.Statistics.Expanded} reachable states without reaching the goal"],
                translation,
                search),
            SearchOutcome.TimeLimit => Failed(
                PlanningOutcome.TimeLimit,
                [$"no plan within the time limit of {request.TimeLimit.TotalSeconds:0.###} s"],
                translation,
                search),
            SearchOutcome.MemoryLimit => Failed(
                PlanningOutcome.MemoryLimit,
                [$"no plan within the memory limit of {request.MemoryLimitBytes >> 20} MiB"],
                translation,
                search),
            _ => Failed(PlanningOutcome.Cancelled, ["planning was cancelled"], translation, search),
        };
    }

    private static PlanningReport Validate(Domain domain, Problem problem, TranslationResult translation, SearchResult search)
    {
        var operators = translation.Task.Operators;
        var plan = search.Plan!.Select(id => PlannedAction.FromOperatorName(operators[id].Name)).ToArray();
        var steps = plan.Select(action => new PlanStep(action.Name, action.Arguments)).ToArray();
        var validation = PlanValidator.Validate(domain, problem, steps);
        return validation.Verdict == ValidationVerdict.Valid
            ? new PlanningReport(PlanningOutcome.Solved, plan, search.Cost, [], translation, search, validation)
            : new PlanningReport(
                PlanningOutcome.InvalidPlan,
                plan,
                search.Cost,
                ["the validator rejected the plan: " + validation.Message],
                translation,
                search,
                validation);
    }

    private static PlanningReport Failed(
        PlanningOutcome outcome,
        IReadOnlyList<string> reasons,
        TranslationResult? translation,
        SearchResult? search) =>
        new(outcome, [], 0, reasons, translation, search, null);
}
