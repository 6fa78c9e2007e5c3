namespace RoboLam.Translation.Lifted;

/// <summary>
/// The normalized task: objects and predicates as indices, actions with conjunctive preconditions, flat
/// conditional effects, axioms, the initial facts (type facts included) and a conjunctive ground goal.
/// </summary>
internal sealed class LiftedTask
{
    public LiftedTask(
        IReadOnlyList<string> objects,
        IReadOnlyList<PredicateInfo> predicates,
        IReadOnlyList<LiftedAction> actions,
        IReadOnlyList<LiftedAxiom> axioms,
        IReadOnlyList<InitialFact> initialFacts,
        IReadOnlyList<LiftedLiteral> goal,
        bool goalIsImpossible,
        bool hasActionCosts,
        StaticFunctionTable functions,
        IReadOnlyList<LiftedInvariant> invariants)
    {
        Invariants = invariants;
        Objects = objects;
        Predicates = predicates;
        Actions = actions;
        Axioms = axioms;
        InitialFacts = initialFacts;
        Goal = goal;
        GoalIsImpossible = goalIsImpossible;
        HasActionCosts = hasActionCosts;
        Functions = functions;
    }

    public IReadOnlyList<string> Objects { get; }

    public IReadOnlyList<PredicateInfo> Predicates { get; }

    public IReadOnlyList<LiftedAction> Actions { get; }

    public IReadOnlyList<LiftedAxiom> Axioms { get; }

    public IReadOnlyList<InitialFact> InitialFacts { get; }

    /// <summary>Ground literals that must all hold.</summary>
    public IReadOnlyList<LiftedLiteral> Goal { get; }

    /// <summary>The goal simplified to false before grounding (for example a false equality).</summary>
    public bool GoalIsImpossible { get; }

    public bool HasActionCosts { get; }

    public StaticFunctionTable Functions { get; }

    /// <summary>The <c>(always φ)</c> constraints, each as a ground derived literal that holds exactly when φ is broken.</summary>
    public IReadOnlyList<LiftedInvariant> Invariants { get; }

    /// <summary>The atom as PDDL writes it: <c>(on b1 b2)</c>.</summary>
    public string AtomText(int predicate, IReadOnlyList<int> arguments)
    {
        var name = Predicates[predicate].Name;
        if (arguments.Count == 0)
        {
            return $"({name})";
        }

        return $"({name} {string.Join(' ', arguments.Select(argument => Objects[argument]))})";
    }

    /// <summary>A lifted literal with its variables named: <c>(not (clear ?b))</c>.</summary>
    public string LiteralText(LiftedLiteral literal, IReadOnlyList<string> variableNames, IReadOnlyList<int>? binding = null)
    {
        var name = Predicates[literal.Predicate].Name;
        var arguments = literal.Arguments.Select(argument => TermText(argument, variableNames, binding));
        var atom = literal.Arguments.Length == 0 ? $"({name})" : $"({name} {string.Join(' ', arguments)})";
        return literal.IsNegated ? $"(not {atom})" : atom;
    }

    private string TermText(int term, IReadOnlyList<string> variableNames, IReadOnlyList<int>? binding)
    {
        if (!Terms.IsVariable(term))
        {
            return Objects[term];
        }

        var index = Terms.VariableIndex(term);
        return binding is not null && index < binding.Count && binding[index] >= 0
            ? Objects[binding[index]]
            : variableNames[index];
    }
}

/// <summary>An invariant: <see cref="Violation"/> (a ground literal) holds in exactly the states that break it.</summary>
internal sealed record LiftedInvariant(string Description, LiftedLiteral Violation);
