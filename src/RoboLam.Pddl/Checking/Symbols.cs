using RoboLam.Pddl.Ast;

namespace RoboLam.Pddl.Checking;

/// <summary>What the domain (and the problem, when there is one) declares, by name.</summary>
internal sealed class Symbols
{
    public Dictionary<string, PredicateDecl> Predicates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FunctionDecl> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>Predicates defined by :derived rules; actions may not change them.</summary>
    public HashSet<string> DerivedPredicates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TypedName> Constants { get; } = new(StringComparer.Ordinal);

    /// <summary>The problem's objects; empty while the domain alone is checked.</summary>
    public Dictionary<string, TypedName> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Names given to preferences anywhere, for <c>(is-violated NAME)</c> in the metric.</summary>
    public HashSet<string> Preferences { get; } = new(StringComparer.Ordinal);
}

/// <summary>Where a formula stands; decides which constructs are allowed and which names are visible.</summary>
internal enum PlaceKind
{
    Precondition,
    DurativeCondition,
    Duration,
    Effect,
    DurativeEffect,
    DerivedBody,
    Goal,
    Constraint,
    Metric,
}

/// <param name="Kind">The section the formula belongs to.</param>
/// <param name="InsideTimed">Already under (at start ...), (over all ...) or (at end ...).</param>
/// <param name="SeesObjects">The problem's objects are visible (goal, problem constraints, metric).</param>
internal readonly record struct Place(PlaceKind Kind, bool InsideTimed = false, bool SeesObjects = false)
{
    public bool IsDurative => Kind is PlaceKind.DurativeCondition or PlaceKind.DurativeEffect or PlaceKind.Duration;
}

/// <summary>The variables visible at a point: action parameters, then each enclosing quantifier.</summary>
internal sealed class Scope
{
    public static readonly Scope Empty = new(null, Seq<TypedName>.Empty);

    private readonly Scope? _parent;
    private readonly Seq<TypedName> _variables;

    public Scope(Scope? parent, Seq<TypedName> variables)
    {
        _parent = parent;
        _variables = variables;
    }

    public TypeRef? Find(string variable)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            foreach (var declared in scope._variables)
            {
                if (declared.Name == variable)
                {
                    return declared.Type;
                }
            }
        }

        return null;
    }
}
