namespace RoboLam.Pddl.Ast;

// Names are stored lower-cased (PDDL is case-insensitive); variables keep their leading '?'.

/// <summary>A type: one name, or several for <c>(either a b)</c>.</summary>
public sealed record TypeRef(Seq<string> Alternatives)
{
    public static readonly TypeRef Object = new(["object"]);

    public static TypeRef Of(string name) => new([name]);

    public bool IsEither => Alternatives.Count > 1;

    public override string ToString() =>
        IsEither ? "(either " + string.Join(' ', Alternatives) + ")" : Alternatives[0];
}

/// <summary>A typed name: a parameter, a quantified variable, a constant or an object.</summary>
public sealed record TypedName(string Name, TypeRef Type, SourceSpan Span);

/// <summary><c>name - parent</c> in <c>:types</c>.</summary>
public sealed record TypeDecl(string Name, TypeRef Parent, SourceSpan Span);

public sealed record PredicateDecl(string Name, Seq<TypedName> Parameters, SourceSpan Span);

/// <summary>A function; <see cref="ResultType"/> is null for numeric functions, a type for object fluents.</summary>
public sealed record FunctionDecl(string Name, Seq<TypedName> Parameters, TypeRef? ResultType, SourceSpan Span)
{
    public bool IsNumeric => ResultType is null;
}

public sealed record ActionDef(
    string Name,
    Seq<TypedName> Parameters,
    Condition? Precondition,
    Effect? Effect,
    SourceSpan Span);

/// <summary>
/// A durative action. <see cref="Duration"/> holds the duration constraints (comparisons on <c>?duration</c>,
/// possibly timed); <see cref="Condition"/> and <see cref="Effect"/> use <see cref="TimedCondition"/> and
/// <see cref="TimedEffect"/>.
/// </summary>
public sealed record DurativeActionDef(
    string Name,
    Seq<TypedName> Parameters,
    Condition? Duration,
    Condition? Condition,
    Effect? Effect,
    SourceSpan Span);

public sealed record DerivedPredicateDef(string Name, Seq<TypedName> Parameters, Condition Body, SourceSpan Span);

public sealed record Domain(
    string Name,
    Seq<string> Requirements,
    Seq<TypeDecl> Types,
    Seq<TypedName> Constants,
    Seq<PredicateDecl> Predicates,
    Seq<FunctionDecl> Functions,
    Condition? Constraints,
    Seq<ActionDef> Actions,
    Seq<DurativeActionDef> DurativeActions,
    Seq<DerivedPredicateDef> DerivedPredicates,
    SourceSpan Span);

public sealed record Metric(bool Minimize, NumericExpr Expression, SourceSpan Span);

public sealed record Problem(
    string Name,
    string DomainName,
    Seq<string> Requirements,
    Seq<TypedName> Objects,
    Seq<InitElement> Init,
    Condition? Goal,
    Condition? Constraints,
    Metric? Metric,
    SourceSpan Span);
