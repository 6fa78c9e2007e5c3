namespace RoboLam.Translation.Lifted;

/// <summary>
/// A literal over indices: <see cref="Arguments"/> hold object ids (≥ 0) or variables encoded as
/// <c>~index</c> (negative), see <see cref="Terms"/>.
/// </summary>
internal sealed record LiftedLiteral(int Predicate, int[] Arguments, bool IsNegated);

/// <summary>The encoding of terms in lifted arguments: objects are non-negative ids, variable i is <c>~i</c>.</summary>
internal static class Terms
{
    public static bool IsVariable(int term) => term < 0;

    public static int Variable(int index) => ~index;

    public static int VariableIndex(int term) => ~term;
}

/// <summary>
/// An add (or delete, when the atom is negated) that happens for every value of the effect's own variables
/// (indices from the action's variable count up to <see cref="VariableCount"/>) for which
/// <see cref="Condition"/> holds. The condition includes the type literals of the effect's variables.
/// </summary>
internal sealed record LiftedEffect(int VariableCount, LiftedLiteral[] Condition, LiftedLiteral Atom);

/// <summary>A term of an action's cost: a constant, or a static numeric function applied to arguments.</summary>
internal sealed record LiftedCostTerm(double Constant, string? Function, int[] Arguments);

/// <summary>
/// A normalized action: a conjunction of literals as precondition (type literals included) over
/// <see cref="VariableNames"/>, of which the first <see cref="ParameterCount"/> are the PDDL parameters
/// that name the ground operator; the others come from existential quantifiers.
/// </summary>
internal sealed record LiftedAction(
    string Name,
    int ParameterCount,
    string[] VariableNames,
    LiftedLiteral[] Precondition,
    LiftedEffect[] Effects,
    LiftedCostTerm[] Cost)
{
    public int VariableCount => VariableNames.Length;
}

/// <summary>A rule for a derived predicate: <see cref="Head"/>(<see cref="HeadArguments"/>) if all of <see cref="Body"/>.</summary>
internal sealed record LiftedAxiom(int Head, int[] HeadArguments, string[] VariableNames, LiftedLiteral[] Body)
{
    public int VariableCount => VariableNames.Length;
}

/// <summary>A ground atom of the initial state.</summary>
internal sealed record InitialFact(int Predicate, int[] Arguments);
