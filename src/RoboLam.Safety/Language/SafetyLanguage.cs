namespace RoboLam.Safety.Language;

/// <summary>
/// Recognises typed or spoken requests to weaken safety ("ignore the limits", "disable the interlocks",
/// "turn the watchdog off", "reset the e-stop") so the intent layer can refuse them with a reason. A pure
/// function over the words; it errs on the side of refusing, since a refused command is always safe.
/// </summary>
public static class SafetyLanguage
{
    /// <summary>How many words may stand between a weakening word and the safety word it applies to.</summary>
    private const int Window = 4;

    private static readonly HashSet<string> s_weakening = new(StringComparer.Ordinal)
    {
        "ignore", "ignoring", "disable", "disabling", "deactivate", "override", "overriding", "overrule", "bypass", "bypassing",
        "skip", "skipping", "suspend", "circumvent", "defeat", "remove", "drop", "relax", "loosen", "raise", "increase",
        "mute", "silence", "kill", "unlock", "exceed", "exceeding", "beyond", "outside", "past", "without", "despite",
        "regardless", "forget", "cheat", "break", "enter", "through", "no", "less",
    };

    /// <summary>Words that, placed after the safety word, switch it off: "safety off", "interlocks disabled".</summary>
    private static readonly HashSet<string> s_afterwards = new(StringComparer.Ordinal)
    {
        "off", "disabled", "overridden", "bypassed", "ignored", "removed", "suspended", "deactivated", "muted",
    };

    /// <summary>Verbs that only weaken together with "off" or "out": "turn off", "switch off", "shut off", "take out".</summary>
    private static readonly HashSet<string> s_phrasal = new(StringComparer.Ordinal) { "turn", "switch", "shut", "take", "cut", "knock" };

    private static readonly HashSet<string> s_resetting = new(StringComparer.Ordinal) { "reset", "release", "clear", "unlatch", "acknowledge", "cancel" };

    private static readonly Dictionary<string, string> s_safetyWords = new(StringComparer.Ordinal)
    {
        ["safety"] = "safety",
        ["safeties"] = "safety",
        ["interlock"] = "the interlocks",
        ["interlocks"] = "the interlocks",
        ["e-stop"] = "the e-stop",
        ["estop"] = "the e-stop",
        ["emergency"] = "the e-stop",
        ["limit"] = "the limits",
        ["limits"] = "the limits",
        ["envelope"] = "the envelope",
        ["keep-out"] = "the keep-out zones",
        ["watchdog"] = "the watchdogs",
        ["watchdogs"] = "the watchdogs",
        ["guard"] = "the guards",
        ["guards"] = "the guards",
        ["door"] = "the door interlock",
        ["fence"] = "the guards",
        ["fault"] = "the fault",
        ["faults"] = "the fault",
        ["checks"] = "the safety checks",
        ["protection"] = "safety",
        ["reduced"] = "reduced speed",
    };

    /// <summary>The first request in <paramref name="text"/> to weaken safety, or null when there is none.</summary>
    public static WeakeningRequest? FindWeakeningRequest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            var isPhrasal = s_phrasal.Contains(word) && Following(words, index, Window).Any(next => next is "off" or "out");
            var isResetting = s_resetting.Contains(word);
            if (s_weakening.Contains(word) || isPhrasal || isResetting || (word == "never" && At(words, index + 1) == "mind"))
            {
                for (var ahead = index + 1; ahead < words.Count && ahead <= index + Window + 1; ahead++)
                {
                    if (s_safetyWords.TryGetValue(words[ahead], out var what) && !(isResetting && what is not ("the e-stop" or "the fault" or "the interlocks" or "safety")))
                    {
                        return Refusal(words, index, ahead, what, isResetting);
                    }
                }

                // "the door is open, ignore it": the safety word came first and a pronoun points back to it.
                if (At(words, index + 1) is "it" or "them" or "that" or "this")
                {
                    for (var behind = index - 1; behind >= 0 && behind >= index - Window - 2; behind--)
                    {
                        if (s_safetyWords.TryGetValue(words[behind], out var earlier))
                        {
                            return Refusal(words, behind, index + 1, earlier, isResetting);
                        }
                    }
                }
            }

            if (s_safetyWords.TryGetValue(word, out var subject))
            {
                for (var ahead = index + 1; ahead < words.Count && ahead <= index + Window; ahead++)
                {
                    if (s_afterwards.Contains(words[ahead]))
                    {
                        return Refusal(words, index, ahead, subject, resetting: false);
                    }
                }
            }
        }

        return null;
    }

    private static WeakeningRequest Refusal(List<string> words, int first, int last, string what, bool resetting)
    {
        var phrase = string.Join(' ', words.Skip(first).Take(last - first + 1));
        var reason = resetting
            ? $"\"{phrase}\" asks to reset {what} by words; a reset comes only from the reset input, and only once the cause is gone"
            : $"\"{phrase}\" asks to weaken {what}; limits, interlocks and e-stops cannot be changed by anything typed or spoken (only the robot file sets them, only the reset input clears a stop)";
        return new WeakeningRequest(phrase, reason);
    }

    private static string? At(List<string> words, int index) => index < words.Count ? words[index] : null;

    private static IEnumerable<string> Following(List<string> words, int index, int count) => words.Skip(index + 1).Take(count);

    /// <summary>Lower-case words; "e stop", "e-stop" and "estop" become "e-stop", "keep out" becomes "keep-out".</summary>
    private static List<string> Words(string text)
    {
        var raw = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var character in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(character) || character == '-' || character == '\'')
            {
                current.Append(character);
            }
            else if (current.Length > 0)
            {
                raw.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            raw.Add(current.ToString());
        }

        var words = new List<string>();
        for (var index = 0; index < raw.Count; index++)
        {
            var word = raw[index].Trim('-', '\'');
            var next = index + 1 < raw.Count ? raw[index + 1] : null;
            if (word == "e" && next == "stop")
            {
                words.Add("e-stop");
                index++;
            }
            else if (word == "keep" && next == "out")
            {
                words.Add("keep-out");
                index++;
            }
            else if (word.Length > 0)
            {
                words.Add(word == "estop" || word == "e-stops" ? "e-stop" : word);
            }
        }

        return words;
    }
}

/// <summary>A request to weaken safety found in some words: the phrase, and the refusal to give.</summary>
public sealed record WeakeningRequest(string Phrase, string Reason);
