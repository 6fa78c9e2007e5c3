using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Simplification;

/// <summary>Removes repeated effects, operators and axiom rules, keeping the first of each.</summary>
internal static class Deduplicate
{
    public static List<GroundAction> Actions(List<GroundAction> actions)
    {
        var result = new List<GroundAction>(actions.Count);
        var byName = new Dictionary<string, List<GroundAction>>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var effects = action.Effects
                .DistinctBy(effect => (effect.Atom, effect.IsDelete, Key(effect.Condition)))
                .OrderBy(effect => effect.Atom)
                .ThenBy(effect => effect.IsDelete)
                .ToArray();
            var normalized = action with { Effects = effects };
            if (!byName.TryGetValue(action.Name, out var sameName))
            {
                sameName = [];
                byName[action.Name] = sameName;
            }

            if (sameName.Any(existing => SameAction(existing, normalized)))
            {
                continue;
            }

            sameName.Add(normalized);
            result.Add(normalized);
        }

        return result;
    }

    public static List<GroundRule> Axioms(List<GroundRule> axioms)
    {
        var seen = new HashSet<int[]>(ArgumentsComparer.Instance);
        var result = new List<GroundRule>(axioms.Count);
        foreach (var axiom in axioms)
        {
            if (seen.Add([axiom.Head, .. axiom.Body]))
            {
                result.Add(axiom);
            }
        }

        return result;
    }

    private static bool SameAction(GroundAction first, GroundAction second) =>
        first.Cost == second.Cost
        && first.Precondition.AsSpan().SequenceEqual(second.Precondition)
        && first.Effects.Length == second.Effects.Length
        && first.Effects.Zip(second.Effects).All(pair =>
            pair.First.Atom == pair.Second.Atom
            && pair.First.IsDelete == pair.Second.IsDelete
            && pair.First.Condition.AsSpan().SequenceEqual(pair.Second.Condition));

    private static string Key(int[] condition) => string.Join(',', condition);
}
