using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Simplification;

/// <summary>Removes repeated effects, operators and axiom rules, keeping the first of each.</summary>
internal static class Deduplicate
{
    public static List<GroundAction> Actions(List<GroundAction> actions)
    {
        var unique = new List<GroundAction>(actions.Count);
        var seen = new HashSet<GroundAction>(ActionComparer.Instance);
        var nameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var normalized = WithSortedEffects(action);
            if (seen.Add(normalized))
            {
                unique.Add(normalized);
                nameCounts[action.Name] = nameCounts.GetValueOrDefault(action.Name) + 1;
            }
        }

        return nameCounts.Values.All(count => count == 1) ? unique : WithoutDominated(unique, nameCounts);
    }

    /// <summary>
    /// Among variants of one action (split from a disjunctive precondition), drops those that do the same with a
    /// stronger precondition at no lower cost: they are never needed.
    /// </summary>
    private static List<GroundAction> WithoutDominated(List<GroundAction> actions, Dictionary<string, int> nameCounts)
    {
        var variants = actions.Where(action => nameCounts[action.Name] > 1).GroupBy(action => action.Name, StringComparer.Ordinal);
        var dominated = new HashSet<GroundAction>(ReferenceEqualityComparer.Instance);
        foreach (var group in variants)
        {
            var members = group.ToList();
            foreach (var candidate in members)
            {
                if (members.Any(other => !ReferenceEquals(other, candidate) && !dominated.Contains(other) && Dominates(other, candidate)))
                {
                    dominated.Add(candidate);
                }
            }
        }

        return actions.Where(action => !dominated.Contains(action)).ToList();
    }

    private static bool Dominates(GroundAction better, GroundAction worse) =>
        better.Cost <= worse.Cost
        && better.Precondition.Length <= worse.Precondition.Length
        && better.Precondition.All(literal => Array.BinarySearch(worse.Precondition, literal) >= 0)
        && SameEffects(better, worse);

    private static bool SameEffects(GroundAction first, GroundAction second)
    {
        if (first.Effects.Length != second.Effects.Length)
        {
            return false;
        }

        for (var index = 0; index < first.Effects.Length; index++)
        {
            if (CompareEffects(first.Effects[index], second.Effects[index]) != 0)
            {
                return false;
            }
        }

        return true;
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

    /// <summary>Effects in a canonical order without repeats, so equal operators compare equal.</summary>
    private static GroundAction WithSortedEffects(GroundAction action)
    {
        var effects = action.Effects;
        if (effects.Length <= 1)
        {
            return action;
        }

        var sorted = (GroundEffectInstance[])effects.Clone();
        Array.Sort(sorted, CompareEffects);
        var count = 1;
        for (var index = 1; index < sorted.Length; index++)
        {
            if (CompareEffects(sorted[index], sorted[count - 1]) != 0)
            {
                sorted[count++] = sorted[index];
            }
        }

        if (count == sorted.Length && sorted.AsSpan().SequenceEqual(effects))
        {
            return action;
        }

        return action with { Effects = sorted[..count] };
    }

    private static int CompareEffects(GroundEffectInstance first, GroundEffectInstance second)
    {
        var order = first.Atom.CompareTo(second.Atom);
        if (order == 0)
        {
            order = first.IsDelete.CompareTo(second.IsDelete);
        }

        return order != 0 ? order : first.Condition.AsSpan().SequenceCompareTo(second.Condition);
    }

    private sealed class ActionComparer : IEqualityComparer<GroundAction>
    {
        public static readonly ActionComparer Instance = new();

        public bool Equals(GroundAction? x, GroundAction? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            return x is not null && y is not null && x.Cost == y.Cost && x.Name == y.Name
                && x.Precondition.AsSpan().SequenceEqual(y.Precondition) && SameEffects(x, y);
        }

        public int GetHashCode(GroundAction obj) =>
            HashCode.Combine(obj.Name, obj.Effects.Length, ArgumentsComparer.Instance.GetHashCode(obj.Precondition));
    }
}
