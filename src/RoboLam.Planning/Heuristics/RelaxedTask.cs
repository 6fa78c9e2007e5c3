using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// The delete relaxation of a task as relaxed operators (precondition facts, add facts, cost), shared by the
/// relaxation heuristics. An operator becomes one relaxed operator for its unconditional adds; when it has
/// conditional adds, that relaxed operator also adds an auxiliary "operator applied" fact, and each group of
/// conditional adds with the same condition becomes a zero-cost relaxed operator needing the auxiliary fact and
/// the condition. Paying the operator once for all its effects keeps LM-cut and h^max admissible. Axioms become
/// zero-cost relaxed operators from body to head; their negated body is dropped (still a relaxation).
/// </summary>
internal sealed class RelaxedTask
{
    public const int NoOperator = -1;

    public RelaxedTask(SearchTask task, OperatorCostMode costMode)
    {
        Task = task;
        CostMode = costMode;
        RealFactCount = task.FactCount;
        var preconditions = new FlatListBuilder();
        var adds = new FlatListBuilder();
        var costs = new List<int>();
        var originals = new List<int>();
        var isOperatorBase = new List<bool>();
        var factCount = task.FactCount;
        for (var op = 0; op < task.OperatorCount; op++)
        {
            var cost = costMode switch
            {
                OperatorCostMode.One => 1,
                OperatorCostMode.PlusOne => task.OperatorCosts[op] + 1,
                _ => task.OperatorCosts[op],
            };
            var baseAdds = Slice(task.AddFacts, task.AddStart[op], task.AddStart[op + 1]).ToList();
            var conditionalGroups = ConditionalAddGroups(task, op);
            var auxiliaryFact = -1;
            if (conditionalGroups.Count > 0)
            {
                auxiliaryFact = factCount++;
                baseAdds.Add(auxiliaryFact);
            }

            preconditions.Add(Slice(task.PreconditionFacts, task.PreconditionStart[op], task.PreconditionStart[op + 1]));
            adds.Add(baseAdds);
            costs.Add(cost);
            originals.Add(op);
            isOperatorBase.Add(true);
            foreach (var (condition, facts) in conditionalGroups)
            {
                preconditions.Add(SearchTask.SortedDistinct(condition.Append(auxiliaryFact)));
                adds.Add(facts);
                costs.Add(0);
                originals.Add(op);
                isOperatorBase.Add(false);
            }
        }

        foreach (var axiom in task.Source.Axioms)
        {
            preconditions.Add(SearchTask.SortedDistinct(axiom.Body));
            adds.Add([axiom.Head]);
            costs.Add(0);
            originals.Add(NoOperator);
            isOperatorBase.Add(false);
        }

        FactCount = factCount;
        OperatorCount = costs.Count;
        (PreconditionStart, PreconditionFacts) = preconditions.Build();
        (AddStart, AddFacts) = adds.Build();
        Costs = [.. costs];
        OriginalOperator = [.. originals];
        IsOperatorBase = [.. isOperatorBase];
        (PreconditionOfStart, PreconditionOf) = FlatListBuilder.Invert(PreconditionStart, PreconditionFacts, FactCount);
        (AchieverStart, Achievers) = FlatListBuilder.Invert(AddStart, AddFacts, FactCount);
        var noPrecondition = new List<int>();
        for (var op = 0; op < OperatorCount; op++)
        {
            if (PreconditionStart[op] == PreconditionStart[op + 1])
            {
                noPrecondition.Add(op);
            }
        }

        NoPreconditionOperators = [.. noPrecondition];
        Goal = task.Goal;
    }

    public SearchTask Task { get; }

    public OperatorCostMode CostMode { get; }

    /// <summary>Facts of the task; relaxed facts at or above this index are auxiliary.</summary>
    public int RealFactCount { get; }

    public int FactCount { get; }

    public int OperatorCount { get; }

    public int[] PreconditionStart { get; }

    public int[] PreconditionFacts { get; }

    public int[] AddStart { get; }

    public int[] AddFacts { get; }

    public int[] Costs { get; }

    /// <summary>The task operator a relaxed operator comes from, or <see cref="NoOperator"/> for an axiom.</summary>
    public int[] OriginalOperator { get; }

    /// <summary>True for the relaxed operator that carries a task operator's precondition (the one preferred operators come from).</summary>
    public bool[] IsOperatorBase { get; }

    public int[] PreconditionOfStart { get; }

    public int[] PreconditionOf { get; }

    public int[] AchieverStart { get; }

    public int[] Achievers { get; }

    public int[] NoPreconditionOperators { get; }

    public int[] Goal { get; }

    private static int[] Slice(int[] items, int start, int end) => items.AsSpan(start, end - start).ToArray();

    private static List<(int[] Condition, int[] Facts)> ConditionalAddGroups(SearchTask task, int op)
    {
        var groups = new Dictionary<string, (int[] Condition, List<int> Facts)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var effect = task.ConditionalEffectStart[op]; effect < task.ConditionalEffectStart[op + 1]; effect++)
        {
            if (task.ConditionalEffectIsDelete[effect])
            {
                continue;
            }

            var condition = Slice(task.EffectConditionFacts, task.EffectConditionStart[effect], task.EffectConditionStart[effect + 1]);
            var key = string.Join(',', condition);
            if (!groups.TryGetValue(key, out var group))
            {
                group = (condition, []);
                groups.Add(key, group);
                order.Add(key);
            }

            group.Facts.Add(task.ConditionalEffectFact[effect]);
        }

        return order.Select(key => (groups[key].Condition, SearchTask.SortedDistinct(groups[key].Facts))).ToList();
    }
}
