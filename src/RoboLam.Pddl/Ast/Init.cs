namespace RoboLam.Pddl.Ast;

public abstract record InitElement(SourceSpan Span);

/// <summary>A true fact; <see cref="IsNegated"/> for an explicit <c>(not ...)</c>, which some problems write.</summary>
public sealed record InitAtom(Atom Atom, bool IsNegated, SourceSpan Span) : InitElement(Span);

/// <summary><c>(= (f a b) 3.5)</c>.</summary>
public sealed record InitNumeric(FunctionExpr Target, double Value, SourceSpan Span) : InitElement(Span);

/// <summary><c>(= (f a) obj)</c> for an object fluent.</summary>
public sealed record InitObject(FunctionTerm Target, string Value, SourceSpan Span) : InitElement(Span);

/// <summary><c>(at 10 (fact))</c>: a timed initial literal.</summary>
public sealed record TimedInit(double Time, InitElement Element, SourceSpan Span) : InitElement(Span);
