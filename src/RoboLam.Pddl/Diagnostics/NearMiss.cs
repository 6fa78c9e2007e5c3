namespace RoboLam.Pddl.Diagnostics;

/// <summary>Finds the declared name a misspelling most likely meant, for "did you mean" hints.</summary>
internal static class NearMiss
{
    /// <summary>" (did you mean 'x'?)" for a near miss among the candidates, or an empty string.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(2, name.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name, candidate);
            if (distance < bestDistance && candidate != name)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }

    /// <summary>Levenshtein distance; lengths that differ by more than 3 are not worth comparing.</summary>
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
