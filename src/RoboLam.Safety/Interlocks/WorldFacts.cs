using System.Collections.Immutable;
using RoboLam.Hardware.Description;

namespace RoboLam.Safety.Interlocks;

/// <summary>
/// The live facts interlock rules are evaluated on, e.g. <c>(door-open)</c>, <c>(conveyor-running c1)</c>.
/// Immutable: an update replaces the whole set, so a decision sees one consistent world.
/// </summary>
public sealed class WorldFacts
{
    private readonly ImmutableHashSet<string> _facts;

    private WorldFacts(ImmutableHashSet<string> facts) => _facts = facts;

    public static WorldFacts Empty { get; } = new(ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>The canonical text of every fact that holds.</summary>
    public IReadOnlyCollection<string> All => _facts;

    /// <summary>Facts written as text; each must be a single fact such as "(door-open)".</summary>
    /// <exception cref="FormatException">A text is not a fact; the message says where.</exception>
    public static WorldFacts Of(params string[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Of(facts.Select(FactAtom.ParseFact));
    }

    public static WorldFacts Of(IEnumerable<FactAtom> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new WorldFacts(facts.Select(fact => fact.Text).ToImmutableHashSet(StringComparer.Ordinal));
    }

    public bool Holds(FactAtom fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return _facts.Contains(fact.Text);
    }

    /// <summary>A copy where <paramref name="fact"/> holds or not as <paramref name="holds"/> says.</summary>
    public WorldFacts With(FactAtom fact, bool holds)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new WorldFacts(holds ? _facts.Add(fact.Text) : _facts.Remove(fact.Text));
    }

    public override string ToString() => _facts.Count == 0 ? "(no facts)" : string.Join(" ", _facts.Order(StringComparer.Ordinal));
}
