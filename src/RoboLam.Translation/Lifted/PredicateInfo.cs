namespace RoboLam.Translation.Lifted;

internal enum PredicateKind
{
    /// <summary>Changed by some action effect.</summary>
    Fluent,

    /// <summary>Never changed: its facts are the initial ones, decided at grounding.</summary>
    Static,

    /// <summary>Computed by axioms (derived predicates, and those the translator introduces).</summary>
    Derived,

    /// <summary>A compiled type, <c>type:block</c>: static.</summary>
    Type,

    /// <summary><c>=</c>, decided at grounding.</summary>
    Equality,
}

/// <summary>A predicate of the normalized task; <see cref="Layer"/> is its stratum when it is derived.</summary>
internal sealed record PredicateInfo(string Name, int Arity, PredicateKind Kind, int Layer = 0)
{
    /// <summary>Facts known from the initial state alone.</summary>
    public bool IsStatic => Kind is PredicateKind.Static or PredicateKind.Type;

    /// <summary>Introduced by the translator (axioms for quantifiers, disjunctions, goals): never shown to a person.</summary>
    public bool IsSynthetic => Name.StartsWith('@');
}
