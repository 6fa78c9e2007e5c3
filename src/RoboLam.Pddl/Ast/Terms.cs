namespace RoboLam.Pddl.Ast;

/// <summary>An argument of an atom: a variable, a constant or object name, or an object-fluent application.</summary>
public abstract record Term(SourceSpan Span);

/// <summary>A variable, with its leading '?', such as <c>?b</c>.</summary>
public sealed record VariableTerm(string Name, SourceSpan Span) : Term(Span)
{
    public override string ToString() => Name;
}

/// <summary>A constant or object name.</summary>
public sealed record NameTerm(string Name, SourceSpan Span) : Term(Span)
{
    public override string ToString() => Name;
}

/// <summary>An object-valued function applied to terms (PDDL 3.1 object fluents).</summary>
public sealed record FunctionTerm(string Function, Seq<Term> Arguments, SourceSpan Span) : Term(Span);

/// <summary>A predicate applied to terms: <c>(on ?x ?y)</c>.</summary>
public sealed record Atom(string Predicate, Seq<Term> Arguments, SourceSpan Span);

/// <summary>A numeric expression.</summary>
public abstract record NumericExpr(SourceSpan Span);

public sealed record NumberExpr(double Value, SourceSpan Span) : NumericExpr(Span);

/// <summary>A numeric function applied to terms; <c>(total-cost)</c> and <c>(total-time)</c> too.</summary>
public sealed record FunctionExpr(string Function, Seq<Term> Arguments, SourceSpan Span) : NumericExpr(Span);

/// <summary>Arithmetic: <c>+ - * /</c> with two or more operands, or unary minus (<c>-</c> with one).</summary>
public sealed record ArithmeticExpr(string Operator, Seq<NumericExpr> Operands, SourceSpan Span) : NumericExpr(Span);

/// <summary><c>?duration</c> inside a durative action.</summary>
public sealed record DurationVariableExpr(SourceSpan Span) : NumericExpr(Span);

/// <summary><c>#t</c> in a continuous effect.</summary>
public sealed record TimeVariableExpr(SourceSpan Span) : NumericExpr(Span);

/// <summary><c>(is-violated name)</c> in a metric.</summary>
public sealed record IsViolatedExpr(string Preference, SourceSpan Span) : NumericExpr(Span);
