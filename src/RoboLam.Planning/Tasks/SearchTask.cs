namespace RoboLam.Planning.Tasks;

/// <summary>
/// The <see cref="GroundTask"/> flattened into int arrays (one start-offset array plus one data array per list),
/// so the search loops walk contiguous memory and never touch the object graph.
/// </summary>
internal sealed class SearchTask
{
    private SearchTask(GroundTask source)
    {
        Source = source;
        FactCount = source.FactCount;
        WordCount = Math.Max(1, (FactCount + 63) / 64);
        OperatorCount = source.Operators.Count;
    }

    public GroundTask Source { get; }

    public int FactCount { get; }

    /// <summary>Number of 64-bit words in a packed state.</summary>
    public int WordCount { get; }

    public int OperatorCount { get; }

    /// <summary>Cost the search pays per operator: the task's cost, or 1 without action costs.</summary>
    public int[] OperatorCosts { get; private set; } = [];

    /// <summary>Operator o's precondition is PreconditionFacts[PreconditionStart[o]..PreconditionStart[o+1]], sorted, no duplicates.</summary>
    public int[] PreconditionStart { get; private set; } = [];

    public int[] PreconditionFacts { get; private set; } = [];

    public int[] AddStart { get; private set; } = [];

    /// <summary>Unconditional add effects.</summary>
    public int[] AddFacts { get; private set; } = [];

    public int[] DeleteStart { get; private set; } = [];

    /// <summary>Unconditional delete effects.</summary>
    public int[] DeleteFacts { get; private set; } = [];

    /// <summary>Operator o's conditional effects are ConditionalEffectStart[o]..ConditionalEffectStart[o+1].</summary>
    public int[] ConditionalEffectStart { get; private set; } = [];

    public int[] EffectConditionStart { get; private set; } = [];

    public int[] EffectConditionFacts { get; private set; } = [];

    public int[] ConditionalEffectFact { get; private set; } = [];

    public bool[] ConditionalEffectIsDelete { get; private set; } = [];

    public bool HasConditionalEffects { get; private set; }

    /// <summary>Goal facts, sorted, no duplicates.</summary>
    public int[] Goal { get; private set; } = [];

    /// <summary>Facts no kept state may hold (the task's invariants), sorted, no duplicates.</summary>
    public int[] ForbiddenFacts { get; private set; } = [];

    /// <summary>The initial state packed, before axioms are evaluated.</summary>
    public ulong[] InitialFacts { get; private set; } = [];

    public bool HasAxioms => Source.Axioms.Count > 0;

    public int MinimumOperatorCost { get; private set; }

    public static SearchTask Create(GroundTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var result = new SearchTask(task);
        result.Flatten();
        return result;
    }

    private void Flatten()
    {
        var operators = Source.Operators;
        var costs = new int[OperatorCount];
        var preconditions = new FlatListBuilder();
        var adds = new FlatListBuilder();
        var deletes = new FlatListBuilder();
        var conditionalStart = new List<int>(OperatorCount + 1);
        var conditions = new FlatListBuilder();
        var conditionalFacts = new List<int>();
        var conditionalDeletes = new List<bool>();
        var minimumCost = int.MaxValue;
        for (var index = 0; index < OperatorCount; index++)
        {
            var op = operators[index];
            var cost = Source.HasActionCosts ? op.Cost : 1;
            if (cost < 0)
            {
                throw new ArgumentException($"operator {op.Name} has negative cost {cost}", nameof(Source));
            }

            costs[index] = cost;
            minimumCost = Math.Min(minimumCost, cost);
            preconditions.Add(CheckedSortedDistinct(op.Precondition));
            conditionalStart.Add(conditionalFacts.Count);
            var operatorAdds = new List<int>();
            var operatorDeletes = new List<int>();
            foreach (var effect in op.Effects)
            {
                CheckFact(effect.Fact);
                if (effect.Condition.Length == 0)
                {
                    (effect.IsDelete ? operatorDeletes : operatorAdds).Add(effect.Fact);
                    continue;
                }

                conditions.Add(CheckedSortedDistinct(effect.Condition));
                conditionalFacts.Add(effect.Fact);
                conditionalDeletes.Add(effect.IsDelete);
            }

            adds.Add(SortedDistinct(operatorAdds));
            deletes.Add(SortedDistinct(operatorDeletes));
        }

        conditionalStart.Add(conditionalFacts.Count);
        OperatorCosts = costs;
        (PreconditionStart, PreconditionFacts) = preconditions.Build();
        (AddStart, AddFacts) = adds.Build();
        (DeleteStart, DeleteFacts) = deletes.Build();
        ConditionalEffectStart = [.. conditionalStart];
        (EffectConditionStart, EffectConditionFacts) = conditions.Build();
        ConditionalEffectFact = [.. conditionalFacts];
        ConditionalEffectIsDelete = [.. conditionalDeletes];
        HasConditionalEffects = conditionalFacts.Count > 0;
        MinimumOperatorCost = OperatorCount == 0 ? 1 : minimumCost;
        Goal = CheckedSortedDistinct(Source.Goal);
        ForbiddenFacts = CheckedSortedDistinct(Source.ForbiddenFacts);
        InitialFacts = new ulong[WordCount];
        foreach (var fact in CheckedSortedDistinct(Source.InitialState))
        {
            InitialFacts[fact >> 6] |= 1UL << (fact & 63);
        }
    }

    private int[] CheckedSortedDistinct(int[] facts)
    {
        foreach (var fact in facts)
        {
            CheckFact(fact);
        }

        return SortedDistinct(facts);
    }

    private void CheckFact(int fact)
    {
        if ((uint)fact >= (uint)FactCount)
        {
            throw new ArgumentException($"fact {fact} is outside 0..{FactCount - 1}");
        }
    }

    internal static int[] SortedDistinct(IEnumerable<int> facts)
    {
        var set = new SortedSet<int>(facts);
        return [.. set];
    }
}
