using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Simplification;

/// <summary>Removes repeated effects, operators and axiom rules, keeping the first of each.</summary>
internal static class Deduplicate
{
    public static List<GroundAction> Actions(List<GroundAction> actions)
    {
        var result = new List<GroundAction>(actions.Count);
        var seen = new HashSet<GroundAction>(ActionComparer.Instance);
        foreach (var action in actions)
        {
            var normalized = WithSortedEffects(action);
            if (seen.Add(normalized))
            {
                result.Add(normalized);
            }
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

            if (x is null || y is null || x.Cost != y.Cost || x.Name != y.Name || x.Effects.Length != y.Effects.Length
                || !x.Precondition.AsSpan().SequenceEqual(y.Precondition))
            {
                return false;
            }

            for (var index = 0; index < x.Effects.Length; index++)
            {
                if (CompareEffects(x.Effects[index], y.Effects[index]) != 0)
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(GroundAction obj) =>
            HashCode.Combine(obj.Name, obj.Effects.Length, ArgumentsComparer.Instance.GetHashCode(obj.Precondition));
    }
}
