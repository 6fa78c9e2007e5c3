using RoboLam.Intent.Frames;
using RoboLam.Intent.Lexicons;

namespace RoboLam.Intent.Neural;

/// <summary>Marks each word with every <see cref="LexicalCategory"/> the lexicon gives it (phrases mark all their words).</summary>
public sealed class LexicalFeatures
{
    public static readonly int CategoryCount = Enum.GetValues<LexicalCategory>().Length;

    private readonly Lexicon _lexicon;

    public LexicalFeatures(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>One set of categories per word.</summary>
    public HashSet<LexicalCategory>[] Categorize(IReadOnlyList<string> words)
    {
        var categories = words.Select(_ => new HashSet<LexicalCategory>()).ToArray();
        MarkPhrases(words, categories, _lexicon.Verbs, values => values.Select(VerbCategory));
        MarkPhrases(words, categories, _lexicon.Declaratives, values => values.Select(VerbCategory));
        MarkPhrases(words, categories, _lexicon.Participles, _ => [LexicalCategory.Participle]);
        MarkPhrases(words, categories, _lexicon.Steps, _ => [LexicalCategory.Step]);
        MarkPhrases(words, categories, _lexicon.Colors, _ => [LexicalCategory.Color]);
        MarkPhrases(words, categories, _lexicon.Sizes, _ => [LexicalCategory.Size]);
        MarkPhrases(words, categories, _lexicon.Sides, _ => [LexicalCategory.Side]);
        MarkPhrases(words, categories, _lexicon.Extremes, _ => [LexicalCategory.Extreme]);
        MarkPhrases(words, categories, _lexicon.Numbers, _ => [LexicalCategory.Number]);
        MarkPhrases(words, categories, _lexicon.Ordinals, _ => [LexicalCategory.Ordinal]);
        MarkPhrases(words, categories, _lexicon.Pronouns, _ => [LexicalCategory.Pronoun]);
        MarkPhrases(words, categories, _lexicon.Nouns, _ => [LexicalCategory.Noun]);
        MarkPhrases(words, categories, _lexicon.Surfaces, _ => [LexicalCategory.Surface]);
        MarkPhrases(words, categories, _lexicon.Labels, _ => [LexicalCategory.Label]);
        MarkPhrases(words, categories, _lexicon.Relations, values => values.Select(RelationCategory));
        MarkPhrases(words, categories, _lexicon.Joiners, _ => [LexicalCategory.Joiner]);
        MarkPhrases(words, categories, _lexicon.SafetyWeakeners, _ => [LexicalCategory.SafetyWeaken]);
        MarkPhrases(words, categories, _lexicon.SafetyTargets, _ => [LexicalCategory.SafetyTarget]);
        MarkPhrases(words, categories, _lexicon.SafetyEscalations, _ => [LexicalCategory.SafetyEscalation]);
        for (var index = 0; index < words.Count; index++)
        {
            MarkWord(words[index], categories[index]);
        }

        return categories;
    }

    private static LexicalCategory VerbCategory(ActionKind kind) => kind switch
    {
        ActionKind.Place => LexicalCategory.VerbPlace,
        ActionKind.PickUp => LexicalCategory.VerbPickUp,
        ActionKind.Clear => LexicalCategory.VerbClear,
        ActionKind.Unstack => LexicalCategory.VerbUnstack,
        ActionKind.Build => LexicalCategory.VerbBuild,
        ActionKind.Release => LexicalCategory.VerbRelease,
        ActionKind.Drill => LexicalCategory.VerbDrill,
        ActionKind.Paint => LexicalCategory.VerbPaint,
        ActionKind.Inspect => LexicalCategory.VerbInspect,
        ActionKind.Process => LexicalCategory.VerbProcess,
        _ => LexicalCategory.VerbForeign,
    };

    private static LexicalCategory RelationCategory(RelationKind kind) => kind switch
    {
        RelationKind.On => LexicalCategory.RelationOn,
        RelationKind.Under => LexicalCategory.RelationUnder,
        RelationKind.In => LexicalCategory.RelationIn,
        _ => LexicalCategory.RelationTo,
    };

    private static void MarkPhrases<T>(
        IReadOnlyList<string> words,
        HashSet<LexicalCategory>[] categories,
        PhraseTable<T> table,
        Func<IReadOnlySet<T>, IEnumerable<LexicalCategory>> categoriesOf)
    {
        var start = 0;
        while (start < words.Count)
        {
            var (length, values) = table.MatchAt(words, start);
            if (length == 0)
            {
                start++;
                continue;
            }

            var marks = categoriesOf(values).ToArray();
            for (var index = start; index < start + length; index++)
            {
                categories[index].UnionWith(marks);
            }

            start += length;
        }
    }

    private void MarkWord(string word, HashSet<LexicalCategory> categories)
    {
        if (_lexicon.ForeignVerbs.Contains(word))
        {
            categories.Add(LexicalCategory.VerbForeign);
        }

        if (_lexicon.StackNouns.Contains(word))
        {
            categories.Add(LexicalCategory.StackNoun);
        }

        if (word.All(char.IsDigit) || (word.Length > 1 && word[0] == '#' && word[1..].All(char.IsDigit)))
        {
            categories.Add(LexicalCategory.Digits);
        }

        if (_lexicon.Determiners.Contains(word))
        {
            categories.Add(LexicalCategory.Determiner);
        }

        if (_lexicon.Universals.Contains(word) || _lexicon.Dual.Contains(word) || _lexicon.Indefinites.Contains(word))
        {
            categories.Add(LexicalCategory.Quantifier);
        }

        if (_lexicon.AnaphoricHeads.Contains(word))
        {
            categories.Add(LexicalCategory.AnaphoricHead);
        }

        if (_lexicon.GenericHeads.Contains(word))
        {
            categories.Add(LexicalCategory.GenericHead);
        }

        if (_lexicon.RelativeMarkers.Contains(word))
        {
            categories.Add(LexicalCategory.RelativeMarker);
        }

        if (word is "," or ";" or ":")
        {
            categories.Add(LexicalCategory.Punctuation);
        }

        if (_lexicon.Politeness.Contains(word))
        {
            categories.Add(LexicalCategory.Politeness);
        }
    }
}
