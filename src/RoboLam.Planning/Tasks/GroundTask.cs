namespace RoboLam.Planning.Tasks;

/// <summary>
/// A grounded planning task: facts are integers 0..FactCount-1, states are sets of facts, every condition is a
/// conjunction of facts that must be true. Negative conditions are compiled by the translator into complement
/// facts (for basic facts) or negation-as-failure axioms (for derived facts), so search only ever tests
/// positive facts. Search sees nothing but this type.
/// </summary>
/// <remarks>
/// Numeric fluents and durative actions are not represented yet; they would arrive as extra arrays
/// (numeric variables, numeric conditions and effects, durations) without changing the fields below.
/// </remarks>
public sealed class GroundTask
{
    public GroundTask(
        IReadOnlyList<string> factNames,
        int[] initialState,
        int[] goal,
        IReadOnlyList<GroundOperator> operators,
        IReadOnlyList<GroundAxiom> axioms,
        IReadOnlyList<int> derivedFacts,
        bool hasActionCosts)
    {
        FactNames = factNames;
        InitialState = initialState;
        Goal = goal;
        Operators = operators;
        Axioms = axioms;
        DerivedFacts = derivedFacts;
        HasActionCosts = hasActionCosts;
    }

    /// <summary>Readable name per fact, such as <c>(on b1 b2)</c> or <c>(not (clear b1))</c> for a complement.</summary>
    public IReadOnlyList<string> FactNames { get; }

    public int FactCount => FactNames.Count;

    /// <summary>Facts true in the initial state (basic facts only; derived facts are computed by the axioms).</summary>
    public int[] InitialState { get; }

    /// <summary>Facts that must all be true in a goal state.</summary>
    public int[] Goal { get; }

    public IReadOnlyList<GroundOperator> Operators { get; }

    /// <summary>Rules that compute derived facts, to be evaluated layer by layer in increasing <see cref="GroundAxiom.Layer"/>.</summary>
    public IReadOnlyList<GroundAxiom> Axioms { get; }

    /// <summary>Facts computed by axioms; operators never add or delete them.</summary>
    public IReadOnlyList<int> DerivedFacts { get; }

    /// <summary>True when the metric minimises <c>total-cost</c>; otherwise every operator costs 1 for search.</summary>
    public bool HasActionCosts { get; }

    /// <summary>
    /// Facts (usually derived) that no state of a plan may make true: the compiled <c>(always φ)</c> invariants, one
    /// fact for ¬φ each. Search never keeps a state where one holds. Empty when the task states no invariant.
    /// </summary>
    public int[] ForbiddenFacts { get; init; } = [];
}

/// <summary>
/// A ground action. <see cref="Name"/> is the action as the plan file writes it: <c>(pick b1)</c>.
/// </summary>
public sealed class GroundOperator
{
    public GroundOperator(string name, int[] precondition, GroundEffect[] effects, int cost)
    {
        Name = name;
        Precondition = precondition;
        Effects = effects;
        Cost = cost;
    }

    public string Name { get; }

    public int[] Precondition { get; }

    /// <summary>Effects, applied simultaneously: deletes first, then adds (so an add wins over a delete of the same fact).</summary>
    public GroundEffect[] Effects { get; }

    /// <summary>Cost under the metric (1 when the task has no action costs).</summary>
    public int Cost { get; }
}

/// <summary>Adds or deletes <see cref="Fact"/> when all of <see cref="Condition"/> hold before the action (empty: always).</summary>
public sealed class GroundEffect
{
    public GroundEffect(int[] condition, int fact, bool isDelete)
    {
        Condition = condition;
        Fact = fact;
        IsDelete = isDelete;
    }

    public int[] Condition { get; }

    public int Fact { get; }

    public bool IsDelete { get; }
}

/// <summary>
/// <see cref="Head"/> holds when every fact of <see cref="Body"/> holds and no fact of <see cref="NegatedBody"/> holds.
/// Negated facts belong to lower layers (stratified negation), so a layer is evaluated after the ones below it.
/// </summary>
public sealed class GroundAxiom
{
    public GroundAxiom(int head, int[] body, int[] negatedBody, int layer)
    {
        Head = head;
        Body = body;
        NegatedBody = negatedBody;
        Layer = layer;
    }

    public int Head { get; }

    public int[] Body { get; }

    public int[] NegatedBody { get; }

    public int Layer { get; }
}
