using RoboLam.Intent.Generation;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;
using RoboLam.Speech.Grammar;

namespace RoboLam.Cli.Speech;

/// <summary>
/// The command language of a world for the recognizer: sentences from the intent layer's generator for the world's
/// domain (its lexicon's verbs, nouns, politeness, refusals) and word classes whose members the world weights.
/// Speech knows no domain; this is where the two meet.
/// </summary>
internal static class SpokenLanguage
{
    public const int DefaultSentences = 6000;

    private static readonly Dictionary<(string Domain, int Count), IReadOnlyList<string>> s_sentences = [];

    public static CommandLanguage For(World world, int sentences = DefaultSentences)
    {
        ArgumentNullException.ThrowIfNull(world);
        var lexicon = Lexicon.ForDomain(world.DomainName);
        var colours = lexicon.ColorLists.Values.SelectMany(words => words).ToList();
        // Only the colours' own names count as in the world: their synonyms ("olive" for green) are rarely said
        // and, weighted up, win over other colours that are there ("orange").
        var worldColours = world.Objects.Select(item => item.Color).OfType<string>().Distinct().ToList();
        var numbers = lexicon.Numbers.Phrases.Where(phrase => !phrase.Any(char.IsDigit)).ToList();
        var worldNumbers = world.Objects.Select(item => item.Number).OfType<int>()
            .SelectMany(number => numbers.Where(phrase => lexicon.Numbers.Lookup(phrase).Contains(number))).ToList();
        WordClass[] classes =
        [
            new("colour", colours, worldColours),
            new("number", numbers, worldNumbers),
            .. NounClasses(world, lexicon, [.. colours, .. numbers]),
        ];
        // Small talk is rare in generated sentences but must be heard as itself, so that it is refused, not misheard as a command.
        return new CommandLanguage([.. SentencesFor(world.DomainName, sentences), .. lexicon.Chitchat], classes)
        {
            WorldPairs = WorldPairs(world, lexicon),
        };
    }

    /// <summary>Share of a noun class that goes to the type's own name: the generator spreads its synonyms evenly, people mostly say the name.</summary>
    private const double NounNameShare = 0.5;

    /// <summary>
    /// One class per type of object in the world (and one for its plural), whose members are the lexicon's nouns for
    /// it: every synonym the generator used counts for all of them, and half of that goes to the type's own name
    /// ("bin", not "receptacle"). Words that are also verbs, labels, surfaces or other classes stay plain words.
    /// </summary>
    private static IEnumerable<WordClass> NounClasses(World world, Lexicon lexicon, IReadOnlyCollection<string> taken)
    {
        bool Plain(string noun) => !noun.Contains(' ', StringComparison.Ordinal) && !taken.Contains(noun)
            && !lexicon.Verbs.Contains(noun) && !lexicon.Labels.Contains(noun) && !lexicon.Surfaces.Contains(noun);

        foreach (var type in world.Objects.Select(item => item.Type).Distinct())
        {
            var nouns = lexicon.NounLists.TryGetValue(type, out var found) ? found.Where(Plain).ToList() : [];
            var plurals = nouns.Select(Plural).Where(Plain).ToList();
            if (nouns.Count > 1 && nouns.Contains(type))
            {
                yield return new WordClass("noun-" + type, nouns, [type]) { InWorldShare = NounNameShare };
                yield return new WordClass("nouns-" + type, plurals, [Plural(type)]) { InWorldShare = NounNameShare };
            }
        }
    }

    private static string Plural(string noun) =>
        noun.EndsWith('x') || noun.EndsWith('s') || noun.EndsWith("ch", StringComparison.Ordinal) ? noun + "es" : noun + "s";

    /// <summary>(colour word, noun) for every coloured object of the world: "black bin" when there is a black bin.</summary>
    private static HashSet<(string First, string Second)> WorldPairs(World world, Lexicon lexicon)
    {
        var pairs = new HashSet<(string First, string Second)>();
        foreach (var item in world.Objects.Where(item => item.Color is not null))
        {
            var colours = lexicon.ColorLists.TryGetValue(item.Color!, out var words) ? words : [item.Color!];
            var nouns = lexicon.NounLists.TryGetValue(item.Type, out var found) ? found : [item.Type];
            foreach (var colour in colours)
            {
                foreach (var noun in nouns.Where(noun => !noun.Contains(' ', StringComparison.Ordinal)))
                {
                    pairs.Add((colour, noun));
                    pairs.Add((colour, Plural(noun)));
                }
            }
        }

        return pairs;
    }

    /// <summary>Generated once per domain and process (the evaluation switches worlds often); seeded, so the same every time.</summary>
    private static IReadOnlyList<string> SentencesFor(string domain, int count)
    {
        lock (s_sentences)
        {
            if (!s_sentences.TryGetValue((domain, count), out var sentences))
            {
                var domains = TrainingSentenceGenerator.LexiconDomains().Where(pair => pair.Key == domain).ToDictionary();
                sentences = new TrainingSentenceGenerator(domains, seed: 9).Generate(count).Select(sentence => sentence.Text).ToList();
                s_sentences[(domain, count)] = sentences;
            }

            return sentences;
        }
    }
}
