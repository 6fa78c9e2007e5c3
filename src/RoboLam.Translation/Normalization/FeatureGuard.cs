using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// Rejects, with a message naming the construct, what the grounded task cannot represent yet:
/// durative actions, timed initial literals, object fluents and metrics other than
/// minimising <c>total-cost</c>. Trajectory constraints other than <c>always</c>
/// are refused by <see cref="InvariantReader"/>. Numeric conditions and effects are rejected where they are met.
/// </summary>
internal static class FeatureGuard
{
    /// <summary>Checks the task and says whether action costs count (the metric minimises <c>total-cost</c>).</summary>
    public static bool CheckAndReadMetric(Domain domain, Problem problem)
    {
        if (domain.DurativeActions.Count > 0)
        {
            var first = domain.DurativeActions[0];
            throw Unsupported.Construct($"the durative action {first.Name} (durative actions)", first.Span);
        }

        foreach (var element in problem.Init)
        {
            switch (element)
            {
                case TimedInit timed:
                    throw Unsupported.Construct($"the timed initial literal (at {timed.Time} ...)", timed.Span);
                case InitObject assigned:
                    throw Unsupported.Construct(
                        $"the object fluent value (= ({assigned.Target.Function} ...) {assigned.Value})", assigned.Span);
            }
        }

        return ReadMetric(problem.Metric);
    }

    private static bool ReadMetric(Metric? metric)
    {
        if (metric is null)
        {
            return false;
        }

        if (metric.Minimize && metric.Expression is FunctionExpr { Arguments.Count: 0 } function)
        {
            switch (function.Function)
            {
                case EffectFlattener.TotalCost:
                    return true;
                case "total-time":
                    // Without durative actions the makespan is the plan length: unit costs.
                    return false;
            }
        }

        throw Unsupported.Construct(
            "the metric (only (:metric minimize (total-cost)) is; other metrics need numeric planning)", metric.Span);
    }
}
