namespace RoboLam.Pddl.Ast;

public abstract record Effect(SourceSpan Span);

/// <summary>Adds the atom, or deletes it when <see cref="IsDelete"/>.</summary>
public sealed record AtomEffect(Atom Atom, bool IsDelete, SourceSpan Span) : Effect(Span);

public sealed record AndEffect(Seq<Effect> Effects, SourceSpan Span) : Effect(Span);

public sealed record ForAllEffect(Seq<TypedName> Variables, Effect Body, SourceSpan Span) : Effect(Span);

public sealed record WhenEffect(Condition Condition, Effect Body, SourceSpan Span) : Effect(Span);

/// <summary><c>assign increase decrease scale-up scale-down</c> on a numeric function.</summary>
public sealed record NumericEffect(string Operator, FunctionExpr Target, NumericExpr Value, SourceSpan Span)
    : Effect(Span);

/// <summary><c>(assign (f ?x) obj)</c> on an object fluent; <see cref="Value"/> may be <c>undefined</c> as a name.</summary>
public sealed record ObjectAssignEffect(FunctionTerm Target, Term Value, SourceSpan Span) : Effect(Span);

/// <summary><c>(at start E)</c> or <c>(at end E)</c> in a durative action.</summary>
public sealed record TimedEffect(TimeSpecifier When, Effect Body, SourceSpan Span) : Effect(Span);
