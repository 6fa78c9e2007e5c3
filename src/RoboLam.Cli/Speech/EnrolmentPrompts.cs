using RoboLam.Intent.Generation;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Speech;

/// <summary>
/// What an operator reads to enrol their voice: commands from the intent layer's generator for the given domains,
/// with a seed of their own (the grammar's sentences use another), only words the recognizer's dictionary has, and
/// none of <c>excluded</c> (an evaluation's utterances, so that enrolment never rehearses the test).
/// </summary>
internal static class EnrolmentPrompts
{
    private const int Seed = 2027;
    private const int MinimumWords = 4;
    private const int MaximumWords = 14;

    public static IReadOnlyList<string> For(IReadOnlyCollection<string> domains, int count, Func<string, bool> knows, IEnumerable<string> excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var skip = excluded.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        var lexiconDomains = TrainingSentenceGenerator.LexiconDomains().Where(pair => domains.Contains(pair.Key)).ToDictionary();
        if (lexiconDomains.Count == 0)
        {
            throw new ArgumentException($"no shipped lexicon for the domain(s) {string.Join(", ", domains)}", nameof(domains));
        }

        var generator = new TrainingSentenceGenerator(lexiconDomains, Seed);
        var prompts = new List<string>(count);
        // A batch at a time: a few sentences fall out (too short, unknown words, repeats), never many.
        for (var batch = 0; prompts.Count < count && batch < 20; batch++)
        {
            foreach (var sentence in generator.Generate(count * 2))
            {
                var text = Normalise(sentence.Text);
                var words = text.Split(' ');
                if (prompts.Count < count && words.Length is >= MinimumWords and <= MaximumWords && words.All(knows)
                    && skip.Add(text))
                {
                    prompts.Add(text);
                }
            }
        }

        return prompts;
    }

    /// <summary>As the operator says it and the transcript must read: lower case, no punctuation, digits spelt out.</summary>
    private static string Normalise(string text) => string.Join(' ', WordErrors.Spoken(text));
}
