using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>A conditional effect after normalization: for all <see cref="Variables"/>, when all of <see cref="Condition"/>, do <see cref="Atom"/>.</summary>
internal sealed record NamedEffect(IReadOnlyList<Variable> Variables, IReadOnlyList<LiteralFormula> Condition, LiteralFormula Atom);

/// <summary>
/// One variant of an action after normalization (a disjunctive precondition gives several variants with the
/// same name and parameters): a conjunctive precondition over the parameters and the existential variables.
/// </summary>
internal sealed record NamedAction(
    string Name,
    IReadOnlyList<Variable> Parameters,
    IReadOnlyList<Variable> ExistentialVariables,
    IReadOnlyList<LiteralFormula> Precondition,
    IReadOnlyList<NamedEffect> Effects,
    IReadOnlyList<CostTerm> Cost,
    SourceSpan Span);
