namespace RoboLam.Speech.Recognition;

/// <summary>Word errors (substitutions, insertions, deletions) between what was said and what was heard, by edit distance.</summary>
public static class WordErrors
{
    private static readonly string[] s_numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>The minimum number of word edits from <paramref name="reference"/> to <paramref name="hypothesis"/>.</summary>
    public static int Count(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var previous = Enumerable.Range(0, hypothesis.Count + 1).ToArray();
        for (var row = 1; row <= reference.Count; row++)
        {
            var current = new int[hypothesis.Count + 1];
            current[0] = row;
            for (var column = 1; column <= hypothesis.Count; column++)
            {
                var substitution = previous[column - 1] + (reference[row - 1] == hypothesis[column - 1] ? 0 : 1);
                current[column] = Math.Min(substitution, Math.Min(previous[column] + 1, current[column - 1] + 1));
            }

            previous = current;
        }

        return previous[hypothesis.Count];
    }

    /// <summary>Words of a reference text as a speaker says them: lower case, no punctuation, digits spelt out ("part 3" is "part three").</summary>
    public static IReadOnlyList<string> Spoken(string text) =>
        Grammar.CommandGrammar.Words(text)
            .Select(word => int.TryParse(word, out var number) && number >= 0 && number < s_numbers.Length ? s_numbers[number] : word)
            .ToList();
}
