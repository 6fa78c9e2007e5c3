namespace RoboLam.Translation.Grounding;

/// <summary>
/// Ground literals as integers: atom id times two, plus one when negated. Conditions are arrays of these.
/// </summary>
internal static class GroundLiteral
{
    public static int Of(int atom, bool negated) => (atom << 1) | (negated ? 1 : 0);

    public static int Atom(int literal) => literal >> 1;

    public static bool IsNegated(int literal) => (literal & 1) != 0;

    public static int Negate(int literal) => literal ^ 1;
}

/// <summary>An add or delete of <see cref="Atom"/> under <see cref="Condition"/> (ground literals).</summary>
internal sealed record GroundEffectInstance(int[] Condition, int Atom, bool IsDelete);

/// <summary>A ground action before encoding: conditions over atoms (static ones already decided and removed).</summary>
internal sealed record GroundAction(string Name, int[] Precondition, GroundEffectInstance[] Effects, int Cost);

/// <summary>A ground axiom rule: <see cref="Head"/> holds when every literal of <see cref="Body"/> does.</summary>
internal sealed record GroundRule(int Head, int[] Body);

/// <summary>An invariant: <see cref="Atom"/> (derived) holds exactly in the states that break it.</summary>
internal sealed record GroundInvariant(string Description, int Atom);

/// <summary>
/// The result of grounding: every reached atom, the operators that can ever apply, the axiom rules,
/// the initial atoms and the goal, all over atom ids of <see cref="Atoms"/>.
/// </summary>
internal sealed class GroundModel
{
    public GroundModel(
        AtomTable atoms,
        IReadOnlyList<GroundAction> actions,
        IReadOnlyList<GroundRule> axioms,
        IReadOnlySet<int> initialAtoms,
        int[] goal,
        IReadOnlyList<int> unreachedGoalAtoms,
        bool goalIsFalse,
        bool hasActionCosts,
        IReadOnlyList<GroundInvariant> invariants)
    {
        Invariants = invariants;
        GoalIsFalse = goalIsFalse;
        Atoms = atoms;
        Actions = actions;
        Axioms = axioms;
        InitialAtoms = initialAtoms;
        Goal = goal;
        UnreachedGoalAtoms = unreachedGoalAtoms;
        HasActionCosts = hasActionCosts;
    }

    public AtomTable Atoms { get; }

    public IReadOnlyList<GroundAction> Actions { get; }

    public IReadOnlyList<GroundRule> Axioms { get; }

    /// <summary>Atoms of fluent predicates true initially.</summary>
    public IReadOnlySet<int> InitialAtoms { get; }

    /// <summary>Goal literals; a goal atom that grounding never reached is still here, and in <see cref="UnreachedGoalAtoms"/>.</summary>
    public int[] Goal { get; }

    /// <summary>Positive goal atoms the relaxed reachability fixpoint never produced (the goal is then impossible).</summary>
    public IReadOnlyList<int> UnreachedGoalAtoms { get; }

    /// <summary>The goal can never hold: a goal literal is false in every reachable state, or the goal was false as written.</summary>
    public bool GoalIsFalse { get; }

    public bool HasActionCosts { get; }

    /// <summary>Invariants that some reachable state might break; one whose atom is never reached is left out.</summary>
    public IReadOnlyList<GroundInvariant> Invariants { get; }
}
