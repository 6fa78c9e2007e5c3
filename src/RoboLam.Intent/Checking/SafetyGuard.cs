using RoboLam.Intent.Lexicons;

namespace RoboLam.Intent.Checking;

/// <summary>
/// Finds requests to weaken safety in the words themselves, whatever the tagger made of them: a weakening verb
/// near a safety word ("ignore the safety limits", "the interlocks can be switched off") or an escalation
/// ("as fast as you can"). Safety is never negotiable by voice, so this runs before anything else.
/// </summary>
public sealed class SafetyGuard
{
    private const int Reach = 5;

    private readonly Lexicon _lexicon;

    public SafetyGuard(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>The offending phrase, or null when the words ask nothing of the kind.</summary>
    public string? Find(IReadOnlyList<string> words)
    {
        string? escalated = null;
        var weakeners = new List<(int Start, int End)>();
        var targets = new List<(int Start, int End)>();
        for (var index = 0; index < words.Count; index++)
        {
            var (escalation, _) = _lexicon.SafetyEscalations.MatchAt(words, index);
            if (escalation > 0 && escalated is null)
            {
                escalated = string.Join(' ', words.Skip(index).Take(escalation));
            }

            var (weaken, _) = _lexicon.SafetyWeakeners.MatchAt(words, index);
            if (weaken > 0)
            {
                weakeners.Add((index, index + weaken));
            }

            var (target, _) = _lexicon.SafetyTargets.MatchAt(words, index);
            if (target > 0)
            {
                targets.Add((index, index + target));
            }
        }

        foreach (var (weakenStart, weakenEnd) in weakeners)
        {
            foreach (var (targetStart, targetEnd) in targets)
            {
                var gap = targetStart >= weakenEnd ? targetStart - weakenEnd : weakenStart - targetEnd;
                if (gap >= 0 && gap <= Reach && !Separated(words, Math.Min(weakenEnd, targetEnd), Math.Max(weakenStart, targetStart)))
                {
                    var start = Math.Min(weakenStart, targetStart);
                    return string.Join(' ', words.Skip(start).Take(Math.Max(weakenEnd, targetEnd) - start));
                }
            }
        }

        return escalated;
    }

    /// <summary>A clause boundary between two words means they belong to different requests.</summary>
    private static bool Separated(IReadOnlyList<string> words, int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from)).Any(index => words[index] is "then" or ";" or "and");
}
