using RoboLam.Intent.Lexicons;

namespace RoboLam.Intent.Grounding;

/// <summary>
/// Reads the words of an argument span into a <see cref="Reference"/> with the lexicon: quantifiers, colours,
/// sizes, sides, extremes, ordinals, numbers, nouns, station labels, object names, relations to other phrases and
/// coordination ("the green and the yellow blocks", "parts 2 and 3").
/// </summary>
public sealed class ReferenceReader
{
    private readonly Lexicon _lexicon;
    private readonly IReadOnlySet<string> _objectNames;

    public ReferenceReader(Lexicon lexicon, IEnumerable<string> objectNames)
    {
        _lexicon = lexicon;
        _objectNames = objectNames.ToHashSet(StringComparer.Ordinal);
    }

    public Reference Read(IReadOnlyList<string> words)
    {
        var content = words.Where(word => word is not "please").ToList();
        var parts = SplitConjuncts(content);
        if (parts.Count < 2)
        {
            return ReadSimple(content);
        }

        var conjuncts = parts.Select(ReadSimple).ToList();
        Distribute(conjuncts);
        var anyUniversal = conjuncts.Any(conjunct => conjunct.Quantity == Quantity.Universal);
        return new Reference
        {
            Text = string.Join(' ', content),
            Quantity = anyUniversal ? Quantity.Universal : Quantity.Definite,
            Conjuncts = conjuncts,
        };
    }

    /// <summary>"the green and the yellow blocks": the head noun of the last phrase serves those without one.</summary>
    private static void Distribute(List<Reference> conjuncts)
    {
        var headed = conjuncts.LastOrDefault(conjunct => conjunct.Type is not null);
        for (var index = 0; index < conjuncts.Count; index++)
        {
            var conjunct = conjuncts[index];
            if (conjunct.Type is null && headed is not null && !conjunct.IsSurface && conjunct.Name is null && conjunct.Label is null)
            {
                conjunct = conjunct with { Type = headed.Type };
            }

            // Each of "the green and the yellow blocks" is one block, though the shared noun is plural.
            if (conjunct.Quantity == Quantity.Universal && conjunct.Numbers.Count == 0 && conjuncts.Count > 1 && !conjunct.Text.StartsWith("all", StringComparison.Ordinal)
                && !conjunct.Text.StartsWith("every", StringComparison.Ordinal))
            {
                conjunct = conjunct with { Quantity = Quantity.Definite };
            }

            conjuncts[index] = conjunct;
        }
    }

    private List<List<string>> SplitConjuncts(List<string> words)
    {
        // Only the words before a relation ("the block on the red and blue one") can be coordinated here.
        var limit = words.Count;
        for (var index = 1; index < words.Count; index++)
        {
            var (length, kinds) = _lexicon.Relations.MatchAt(words, index);
            if (length > 0 && !kinds.Contains(RelationKind.To) && index + length < words.Count)
            {
                limit = index;
                break;
            }
        }

        var parts = new List<List<string>> { new() };
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (index < limit && word is "and" or "," or "&" or "plus" && parts[^1].Count > 0)
            {
                parts.Add([]);
                continue;
            }

            parts[^1].Add(word);
        }

        parts.RemoveAll(part => part.Count == 0 || part.All(word => word is "then" or "also" or "too"));
        return parts.Count > 1 && parts.All(part => ReadSimple(part).HasContent) ? parts : [words];
    }

    private Reference ReadSimple(IReadOnlyList<string> words)
    {
        var state = new ReadState { Text = string.Join(' ', words) };
        if (words.Count == 1 && words[0] is "that" or "this")
        {
            return new Reference { Text = state.Text, Quantity = Quantity.Pronoun };
        }

        var index = 0;
        while (index < words.Count)
        {
            index += ReadWord(words, index, state);
        }

        return state.ToReference(_lexicon);
    }

    /// <summary>Reads what starts at <paramref name="index"/>; returns how many words it took.</summary>
    private int ReadWord(IReadOnlyList<string> words, int index, ReadState state)
    {
        var word = words[index];
        var relation = ReadRelation(words, index, state);
        if (relation > 0)
        {
            return relation;
        }

        var (pronoun, plural) = Match(_lexicon.Pronouns, words, index);
        if (pronoun > 0)
        {
            state.Quantity = plural.Contains(true) ? Quantity.PluralPronoun : Quantity.Pronoun;
            return pronoun;
        }

        if (_lexicon.Universals.Contains(word))
        {
            state.Quantity = Quantity.Universal;
            state.Everything |= word is "everything" or "everybody";
            return 1;
        }

        if (_lexicon.Dual.Contains(word))
        {
            state.Quantity = Quantity.Dual;
            return 1;
        }

        if (word is "these" or "those")
        {
            state.Quantity = Quantity.Universal;
            return 1;
        }

        if (_lexicon.Indefinites.Contains(word) && state.Quantity == Quantity.Definite)
        {
            state.Quantity = Quantity.Indefinite;
            return 1;
        }

        return ReadAttribute(words, index, state);
    }

    private int ReadAttribute(IReadOnlyList<string> words, int index, ReadState state)
    {
        var word = words[index];
        if (TryNumber(words, index, state, out var number))
        {
            state.Numbers.Add(number);
            return 1;
        }

        if (_lexicon.AnaphoricHeads.Contains(word))
        {
            state.IsAnaphoric = true;
            state.PluralHead |= word == "ones";
            return 1;
        }

        var (length, values) = Match(_lexicon.Colors, words, index);
        if (length > 0)
        {
            state.Color = values.First();
            return length;
        }

        (length, values) = Match(_lexicon.Sizes, words, index);
        if (length > 0)
        {
            state.Size = values.First();
            return length;
        }

        (length, values) = Match(_lexicon.Extremes, words, index);
        if (length > 0)
        {
            state.Extreme = values.First();
            return length;
        }

        (length, values) = Match(_lexicon.Sides, words, index);
        if (length > 0)
        {
            state.Side = values.First();
            return length;
        }

        var (ordinal, ordinals) = Match(_lexicon.Ordinals, words, index);
        if (ordinal > 0)
        {
            state.Ordinal = ordinals.First();
            return ordinal;
        }

        return ReadNoun(words, index, state);
    }

    private int ReadNoun(IReadOnlyList<string> words, int index, ReadState state)
    {
        var word = words[index];
        if (_objectNames.Contains(word))
        {
            state.Names.Add(word);
        }

        var (label, labels) = Match(_lexicon.Labels, words, index);
        var (noun, senses) = Match(_lexicon.Nouns, words, index);
        if (label > 0 && label >= noun)
        {
            state.Labels.Add(labels.First());
            return label;
        }

        if (noun > 0)
        {
            var sense = senses.First();
            state.Nouns.Add((sense, string.Join(' ', words.Skip(index).Take(noun))));
            return noun;
        }

        var (surface, _) = Match(_lexicon.Surfaces, words, index);
        if (surface > 0)
        {
            state.IsSurface = true;
            return surface;
        }

        if (_lexicon.StackNouns.Contains(word))
        {
            state.IsStack = true;
            state.PluralHead |= word.EndsWith('s');
            return 1;
        }

        if (_lexicon.GenericHeads.Contains(word))
        {
            state.PluralHead |= word.EndsWith('s');
            return 1;
        }

        if (!_objectNames.Contains(word) && !IsFiller(word))
        {
            state.Unknown.Add(word);
        }

        return 1;
    }

    private bool IsFiller(string word) =>
        _lexicon.Determiners.Contains(word) || _lexicon.RelativeMarkers.Contains(word) || _lexicon.Politeness.Contains(word)
        || word is "of" or "number" or "no" or "#" or "nr" or "side" or "hand" or "end" or "middle" or "centre" or "center" or "up" or "down";

    private bool TryNumber(IReadOnlyList<string> words, int index, ReadState state, out int number)
    {
        var word = words[index].TrimStart('#');
        if (word.Length > 0 && word.All(char.IsDigit) && int.TryParse(word, out number))
        {
            return true;
        }

        number = 0;
        var numbers = _lexicon.Numbers.Lookup(word);
        if (numbers.Count == 0)
        {
            return false;
        }

        // "one" is a number after a noun ("part one") or in a list ("parts 2 and one"), else it stands for a noun ("the red one").
        var previous = index > 0 ? words[index - 1] : string.Empty;
        var afterNoun = _lexicon.Nouns.Contains(previous) || previous is "number" or "no" or "#" || state.Numbers.Count > 0;
        if (word == "one" && !afterNoun)
        {
            return false;
        }

        number = numbers.First();
        return true;
    }

    /// <summary>"on the red one", "under the blue block", "on top of the stack", "on the far left", "from the right".</summary>
    private int ReadRelation(IReadOnlyList<string> words, int index, ReadState state)
    {
        if (words[index] == "from" && index + 1 < words.Count)
        {
            var rest = Skip(words, index + 1);
            if (rest < words.Count && _lexicon.Sides.Lookup(words[rest]).Contains("right"))
            {
                state.OrdinalFromRight = true;
                return rest + 1 - index;
            }

            if (rest < words.Count && _lexicon.Sides.Lookup(words[rest]).Contains("left"))
            {
                return rest + 1 - index;
            }
        }

        var (length, kinds) = Match(_lexicon.Relations, words, index);
        if (length == 0)
        {
            return 0;
        }

        var after = Skip(words, index + length);
        var spatial = SpatialComplement(words, after, words[index + length - 1] == "of" || words.Skip(index).Take(length).Contains("top"), state);
        if (spatial > 0)
        {
            return after + spatial - index;
        }

        if (index == 0 || index + length >= words.Count)
        {
            // A preposition the tagger left inside the span ("to the output"), or "on top" at the end.
            if (words.Skip(index).Take(length).Contains("top") && index + length >= words.Count)
            {
                state.Extreme = "top";
            }

            return length;
        }

        state.Relation = kinds.Contains(RelationKind.On) ? RelationKind.On
            : kinds.Contains(RelationKind.Under) ? RelationKind.Under
            : kinds.Contains(RelationKind.In) ? RelationKind.In
            : RelationKind.To;
        state.RelationTarget = Read(words.Skip(index + length).ToList());
        return words.Count - index;
    }

    /// <summary>After a preposition: "the left", "the far right", "top of the stack", "the bottom", "the stack".</summary>
    private int SpatialComplement(IReadOnlyList<string> words, int start, bool topContext, ReadState state)
    {
        if (start >= words.Count)
        {
            return 0;
        }

        var (extreme, extremes) = Match(_lexicon.Extremes, words, start);
        var (side, sides) = Match(_lexicon.Sides, words, start);
        var end = start + Math.Max(extreme, side);
        var tail = end;
        while (tail < words.Count && words[tail] is "side" or "hand" or "end" or "of" or "the" or "a" or "this")
        {
            tail++;
        }

        var stackTail = tail < words.Count && _lexicon.StackNouns.Contains(words[tail]) ? tail + 1 : tail;
        if (extreme > 0 && (stackTail == words.Count))
        {
            state.Extreme = extremes.First();
            return words.Count - start;
        }

        if (side > 0 && tail == words.Count)
        {
            state.Side = sides.First();
            return words.Count - start;
        }

        if (_lexicon.StackNouns.Contains(words[start]) && start + 1 == words.Count)
        {
            state.Extreme = topContext ? "top" : state.Extreme ?? "top";
            return 1;
        }

        return 0;
    }

    private int Skip(IReadOnlyList<string> words, int index)
    {
        while (index < words.Count && (_lexicon.Determiners.Contains(words[index]) || words[index] is "very"))
        {
            index++;
        }

        return index;
    }

    private static (int Length, IReadOnlySet<T> Values) Match<T>(PhraseTable<T> table, IReadOnlyList<string> words, int index) =>
        table.MatchAt(words, index);

    /// <summary>What has been read so far of one simple phrase.</summary>
    private sealed class ReadState
    {
        public required string Text { get; init; }

        public Quantity Quantity { get; set; } = Quantity.Definite;

        public bool Everything { get; set; }

        public bool IsAnaphoric { get; set; }

        public bool PluralHead { get; set; }

        public string? Color { get; set; }

        public string? Size { get; set; }

        public string? Side { get; set; }

        public string? Extreme { get; set; }

        public int? Ordinal { get; set; }

        public bool OrdinalFromRight { get; set; }

        public List<int> Numbers { get; } = [];

        public List<string> Labels { get; } = [];

        public List<string> Names { get; } = [];

        public List<(NounSense Sense, string Words)> Nouns { get; } = [];

        public bool IsSurface { get; set; }

        public bool IsStack { get; set; }

        public RelationKind? Relation { get; set; }

        public Reference? RelationTarget { get; set; }

        public List<string> Unknown { get; } = [];

        public Reference ToReference(Lexicon lexicon)
        {
            // The last noun is the head; an earlier one is a modifier, such as the label in "the paint station".
            var head = Nouns.Count > 0 ? Nouns[^1] : ((NounSense Sense, string Words)?)null;
            foreach (var (_, words) in Nouns.Take(Math.Max(0, Nouns.Count - 1)))
            {
                var label = lexicon.Labels.Lookup(words);
                if (label.Count > 0)
                {
                    Labels.Add(label.First());
                }
            }

            var plural = PluralHead || head?.Sense.IsPlural == true || (IsStack && Text.EndsWith('s'));
            var quantity = Quantity == Quantity.Definite && plural && Numbers.Count <= 1 ? Quantity.Universal : Quantity;
            return new Reference
            {
                Text = Text,
                Quantity = Everything && quantity == Quantity.Definite ? Quantity.Universal : quantity,
                Type = head?.Sense.Type,
                IsAnaphoric = IsAnaphoric,
                Color = Color,
                Size = Size,
                Side = Side,
                Extreme = Extreme,
                Ordinal = Ordinal,
                OrdinalFromRight = OrdinalFromRight,
                Numbers = Numbers,
                Label = Labels.Count > 0 ? Labels[^1] : null,
                Name = Names.Count > 0 ? Names[^1] : null,
                IsSurface = IsSurface,
                IsStack = IsStack,
                Relation = Relation,
                RelationTarget = RelationTarget,
                UnknownWords = Unknown,
            };
        }
    }
}
