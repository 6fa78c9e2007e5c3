using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Tests.Support;

/// <summary>Builds small <see cref="GroundTask"/>s by fact name, so tests read like the domains they model.</summary>
internal sealed class TaskBuilder
{
    private readonly List<string> _factNames = [];
    private readonly Dictionary<string, int> _factIds = new(StringComparer.Ordinal);
    private readonly List<GroundOperator> _operators = [];
    private readonly List<GroundAxiom> _axioms = [];
    private readonly HashSet<int> _derived = [];
    private readonly List<int> _initial = [];
    private readonly List<int> _goal = [];
    private readonly List<int> _forbidden = [];

    public int Fact(string name)
    {
        if (!_factIds.TryGetValue(name, out var id))
        {
            id = _factNames.Count;
            _factNames.Add(name);
            _factIds.Add(name, id);
        }

        return id;
    }

    public TaskBuilder Initially(params string[] facts)
    {
        _initial.AddRange(facts.Select(Fact));
        return this;
    }

    public TaskBuilder Goal(params string[] facts)
    {
        _goal.AddRange(facts.Select(Fact));
        return this;
    }

    /// <summary>Facts no state of a plan may make true (compiled invariants).</summary>
    public TaskBuilder Forbidden(params string[] facts)
    {
        _forbidden.AddRange(facts.Select(Fact));
        return this;
    }

    public TaskBuilder Operator(string name, string[] precondition, string[] add, string[]? delete = null, int cost = 1)
    {
        var effects = add.Select(fact => new GroundEffect([], Fact(fact), isDelete: false))
            .Concat((delete ?? []).Select(fact => new GroundEffect([], Fact(fact), isDelete: true)))
            .ToArray();
        _operators.Add(new GroundOperator(name, precondition.Select(Fact).ToArray(), effects, cost));
        return this;
    }

    /// <summary>An operator with conditional effects, given as (condition facts, fact, is delete).</summary>
    public TaskBuilder ConditionalOperator(string name, string[] precondition, (string[] Condition, string Fact, bool IsDelete)[] effects, int cost = 1)
    {
        var ground = effects.Select(effect => new GroundEffect(effect.Condition.Select(Fact).ToArray(), Fact(effect.Fact), effect.IsDelete)).ToArray();
        _operators.Add(new GroundOperator(name, precondition.Select(Fact).ToArray(), ground, cost));
        return this;
    }

    public TaskBuilder Axiom(string head, string[] body, string[]? negatedBody = null, int layer = 0)
    {
        _derived.Add(Fact(head));
        _axioms.Add(new GroundAxiom(Fact(head), body.Select(Fact).ToArray(), (negatedBody ?? []).Select(Fact).ToArray(), layer));
        return this;
    }

    public GroundTask Build(bool hasActionCosts = false) =>
        new([.. _factNames], [.. _initial], [.. _goal], [.. _operators], [.. _axioms], [.. _derived], hasActionCosts)
        {
            ForbiddenFacts = [.. _forbidden],
        };
}
