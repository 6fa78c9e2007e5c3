using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Frames;

/// <summary>Which goal predicates each <see cref="ActionKind"/> yields, and so which kinds a domain can carry out.</summary>
public static class GoalVocabulary
{
    public static IReadOnlyList<string> PredicatesOf(ActionKind kind) => kind switch
    {
        ActionKind.Place => ["on", "in", "on-table", "at"],
        ActionKind.PickUp => ["holding"],
        ActionKind.Clear => ["clear"],
        ActionKind.Unstack => ["on-table"],
        ActionKind.Build => ["on"],
        ActionKind.Release => ["hand-empty"],
        ActionKind.Drill => ["drilled"],
        ActionKind.Paint => ["painted"],
        ActionKind.Inspect => ["inspected"],
        ActionKind.Process => ["drilled", "painted", "inspected"],
        _ => [],
    };

    /// <summary>The kinds whose goal predicates some action of the domain adds.</summary>
    public static IReadOnlySet<ActionKind> SupportedKinds(Domain domain)
    {
        var achievable = AddedPredicates(domain);
        return Enum.GetValues<ActionKind>().Where(kind => PredicatesOf(kind).Any(achievable.Contains)).ToHashSet();
    }

    /// <summary>Every predicate some action (or durative action) of the domain can make true.</summary>
    public static IReadOnlySet<string> AddedPredicates(Domain domain)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in domain.Actions)
        {
            Collect(action.Effect, added);
        }

        foreach (var action in domain.DurativeActions)
        {
            Collect(action.Effect, added);
        }

        return added;
    }

    private static void Collect(Effect? effect, HashSet<string> added)
    {
        switch (effect)
        {
            case AtomEffect { IsDelete: false } atom:
                added.Add(atom.Atom.Predicate);
                break;
            case AndEffect and:
                foreach (var part in and.Effects)
                {
                    Collect(part, added);
                }

                break;
            case ForAllEffect forAll:
                Collect(forAll.Body, added);
                break;
            case WhenEffect conditional:
                Collect(conditional.Body, added);
                break;
            case TimedEffect timed:
                Collect(timed.Body, added);
                break;
        }
    }
}
