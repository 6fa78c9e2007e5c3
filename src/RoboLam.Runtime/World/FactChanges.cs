using System.Collections.Immutable;

namespace RoboLam.Runtime.World;

/// <summary>
/// What an action changes: facts it makes false and facts it makes true. Applied as PDDL applies effects:
/// deletes first, then adds, so a fact both deleted and added stays true.
/// </summary>
public sealed record FactChanges(ImmutableArray<GroundFact> Adds, ImmutableArray<GroundFact> Deletes)
{
    public static FactChanges None { get; } = new([], []);

    public bool IsEmpty => Adds.IsEmpty && Deletes.IsEmpty;

    /// <summary>The value each changed fact has afterwards.</summary>
    public IEnumerable<SensedFact> Outcomes()
    {
        var added = Adds.ToHashSet();
        foreach (var fact in Deletes.Where(fact => !added.Contains(fact)))
        {
            yield return new SensedFact(fact, false);
        }

        foreach (var fact in Adds)
        {
            yield return new SensedFact(fact, true);
        }
    }

    public override string ToString() =>
        string.Join(' ', Outcomes().Select(outcome => outcome.ToString()));
}

/// <summary>A fact and the value it has (sensed, or expected after an action).</summary>
public sealed record SensedFact(GroundFact Fact, bool Holds)
{
    public override string ToString() => Holds ? Fact.Text : $"(not {Fact.Text})";
}
