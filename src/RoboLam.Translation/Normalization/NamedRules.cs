namespace RoboLam.Translation.Normalization;

/// <summary>One disjunct of a condition in disjunctive normal form: the literals and the existential variables they use.</summary>
internal sealed record Conjunct(IReadOnlyList<Variable> Variables, IReadOnlyList<LiteralFormula> Literals);

/// <summary>
/// A derived-predicate rule: <see cref="Head"/>(<see cref="HeadArguments"/>) holds when all of <see cref="Body"/>
/// hold for some values of <see cref="Variables"/> (the head arguments plus any existential ones).
/// </summary>
internal sealed record NamedRule(
    string Head,
    IReadOnlyList<string> HeadArguments,
    IReadOnlyList<Variable> Variables,
    IReadOnlyList<LiteralFormula> Body);
