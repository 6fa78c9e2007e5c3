namespace RoboLam.Pddl.Ast;

/// <summary>A goal description: preconditions, goals, derived-predicate bodies, constraints.</summary>
public abstract record Condition(SourceSpan Span);

public sealed record AtomCondition(Atom Atom, SourceSpan Span) : Condition(Span);

public sealed record EqualsCondition(Term Left, Term Right, SourceSpan Span) : Condition(Span);

public sealed record NotCondition(Condition Operand, SourceSpan Span) : Condition(Span);

/// <summary>A conjunction; the empty conjunction <c>()</c> or <c>(and)</c> is true.</summary>
public sealed record AndCondition(Seq<Condition> Operands, SourceSpan Span) : Condition(Span);

public sealed record OrCondition(Seq<Condition> Operands, SourceSpan Span) : Condition(Span);

public sealed record ImplyCondition(Condition Antecedent, Condition Consequent, SourceSpan Span) : Condition(Span);

public sealed record ExistsCondition(Seq<TypedName> Variables, Condition Body, SourceSpan Span) : Condition(Span);

public sealed record ForAllCondition(Seq<TypedName> Variables, Condition Body, SourceSpan Span) : Condition(Span);

/// <summary>A numeric comparison: <c>&lt; &lt;= = &gt;= &gt;</c>.</summary>
public sealed record ComparisonCondition(string Operator, NumericExpr Left, NumericExpr Right, SourceSpan Span)
    : Condition(Span);

/// <summary><c>(preference name GD)</c>; the name may be absent.</summary>
public sealed record PreferenceCondition(string? Name, Condition Body, SourceSpan Span) : Condition(Span);

public enum TimeSpecifier
{
    AtStart,
    AtEnd,
    OverAll,
}

/// <summary><c>(at start GD)</c>, <c>(at end GD)</c>, <c>(over all GD)</c> in a durative action.</summary>
public sealed record TimedCondition(TimeSpecifier When, Condition Body, SourceSpan Span) : Condition(Span);

/// <summary>
/// A PDDL3 modal constraint: <c>always, sometime, at-most-once, within, at end, sometime-after,
/// sometime-before, always-within, hold-during, hold-after</c>. <see cref="Numbers"/> holds the time bounds
/// in source order, <see cref="Operands"/> the conditions.
/// </summary>
public sealed record ConstraintCondition(string Operator, Seq<double> Numbers, Seq<Condition> Operands, SourceSpan Span)
    : Condition(Span);
