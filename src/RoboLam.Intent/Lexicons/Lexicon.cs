using System.Globalization;
using System.Reflection;
using System.Text.Json;
using RoboLam.Intent.Frames;

namespace RoboLam.Intent.Lexicons;

/// <summary>
/// The words of a domain: verbs and their synonyms per <see cref="ActionKind"/>, nouns per world type, colours,
/// sizes, spatial words, numbers, politeness, out-of-domain verbs and safety words. Built from the shared
/// <c>common.json</c> plus the domain's own file, both embedded in this assembly.
/// </summary>
public sealed class Lexicon
{
    private static readonly string[] s_shippedDomains = ["tabletop", "factory"];

    private Lexicon(string name)
    {
        Name = name;
    }

    /// <summary>The domains that ship a lexicon.</summary>
    public static IReadOnlyList<string> ShippedDomains => s_shippedDomains;

    public string Name { get; }

    public PhraseTable<string> Colors { get; } = new();

    public PhraseTable<string> Sizes { get; } = new();

    public PhraseTable<string> Sides { get; } = new();

    /// <summary>leftmost, rightmost, top, bottom.</summary>
    public PhraseTable<string> Extremes { get; } = new();

    public HashSet<string> StackNouns { get; } = new(StringComparer.Ordinal);

    public PhraseTable<int> Numbers { get; } = new();

    /// <summary>1 for "first"; -1 for "last".</summary>
    public PhraseTable<int> Ordinals { get; } = new();

    public HashSet<string> Determiners { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Indefinites { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Universals { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Dual { get; } = new(StringComparer.Ordinal);

    /// <summary>Pronoun phrases; the value is true for plural ("them").</summary>
    public PhraseTable<bool> Pronouns { get; } = new();

    public HashSet<string> AnaphoricHeads { get; } = new(StringComparer.Ordinal);

    public HashSet<string> GenericHeads { get; } = new(StringComparer.Ordinal);

    public PhraseTable<RelationKind> Relations { get; } = new();

    public HashSet<string> RelativeMarkers { get; } = new(StringComparer.Ordinal);

    public PhraseTable<bool> Joiners { get; } = new();

    public HashSet<string> Politeness { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ForeignVerbs { get; } = new(StringComparer.Ordinal);

    public PhraseTable<bool> SafetyWeakeners { get; } = new();

    public PhraseTable<bool> SafetyTargets { get; } = new();

    public PhraseTable<bool> SafetyEscalations { get; } = new();

    /// <summary>Imperative verb phrases ("pick up", "take everything off") and the actions they can mean.</summary>
    public PhraseTable<ActionKind> Verbs { get; } = new();

    /// <summary>Verbs of a goal stated as a wish ("the red block goes in the bin", "should be").</summary>
    public PhraseTable<ActionKind> Declaratives { get; } = new();

    /// <summary>Participles and nominal forms ("drilled", "painting") and the actions they name.</summary>
    public PhraseTable<ActionKind> Participles { get; } = new();

    /// <summary>Process steps named as nouns ("drilling", "an inspection").</summary>
    public PhraseTable<ActionKind> Steps { get; } = new();

    public PhraseTable<NounSense> Nouns { get; } = new();

    /// <summary>Words for the table surface ("table", "down").</summary>
    public PhraseTable<bool> Surfaces { get; } = new();

    /// <summary>Words for a station's label: "painter" names the station labelled "painting".</summary>
    public PhraseTable<string> Labels { get; } = new();

    /// <summary>The verb lists per action, in file order, for the training generator.</summary>
    public Dictionary<ActionKind, List<string>> VerbLists { get; } = [];

    public Dictionary<ActionKind, List<string>> ParticipleLists { get; } = [];

    public Dictionary<ActionKind, List<string>> StepLists { get; } = [];

    /// <summary>Nouns per type, singular forms in file order.</summary>
    public Dictionary<string, List<string>> NounLists { get; } = [];

    public Dictionary<string, List<string>> ColorLists { get; } = [];

    public Dictionary<string, List<string>> LabelLists { get; } = [];

    public List<string> SurfaceList { get; } = [];

    public List<string> ForeignVerbList { get; } = [];

    public Dictionary<ActionKind, List<string>> DeclarativeLists { get; } = [];

    /// <summary>Things no robot world here has (window, wall): the generator uses them for refusals.</summary>
    public List<string> UnknownThings { get; } = [];

    /// <summary>Sentences that are not commands, for the generator.</summary>
    public List<string> Chitchat { get; } = [];

    /// <summary>Questions about the world (with {T} for a thing), which are not commands either.</summary>
    public List<string> Questions { get; } = [];

    /// <summary>The lexicon of one domain: the shared words plus the domain's own.</summary>
    public static Lexicon ForDomain(string domain)
    {
        var name = domain.ToLowerInvariant();
        if (!s_shippedDomains.Contains(name))
        {
            throw new ArgumentException(
                $"no lexicon for the domain '{domain}' (lexicons ship for: {string.Join(", ", s_shippedDomains)})", nameof(domain));
        }

        var lexicon = new Lexicon(name);
        lexicon.Merge(ReadResource("common"));
        lexicon.Merge(ReadResource(name));
        return lexicon;
    }

    /// <summary>All shipped domains together: the tagger's word features use this, so one head serves every domain.</summary>
    public static Lexicon Combined()
    {
        var lexicon = new Lexicon("combined");
        lexicon.Merge(ReadResource("common"));
        foreach (var domain in s_shippedDomains)
        {
            lexicon.Merge(ReadResource(domain));
        }

        return lexicon;
    }

    public static bool TryParseAction(string name, out ActionKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    private static LexiconData ReadResource(string name)
    {
        var resource = $"RoboLam.Intent.Lexicons.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the lexicon resource {resource} is missing from the assembly");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
        return JsonSerializer.Deserialize<LexiconData>(stream, options)
            ?? throw new InvalidOperationException($"the lexicon resource {resource} is empty");
    }

    private static int ParseInteger(string text, string what) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"lexicon: {what} key '{text}' is not a whole number");

    private static ActionKind ParseAction(string name) =>
        TryParseAction(name, out var kind) ? kind : throw new InvalidOperationException($"lexicon: unknown action '{name}'");

    /// <summary>English plural of a noun, enough for the nouns in the lexicons.</summary>
    private static string Plural(string noun)
    {
        var words = noun.Split(' ');
        var last = words[^1];
        string plural;
        if (last.EndsWith('s') || last.EndsWith('x') || last.EndsWith("ch", StringComparison.Ordinal) || last.EndsWith("sh", StringComparison.Ordinal))
        {
            plural = last + "es";
        }
        else if (last.EndsWith('y') && last.Length > 1 && !"aeiou".Contains(last[^2]))
        {
            plural = last[..^1] + "ies";
        }
        else
        {
            plural = last + "s";
        }

        words[^1] = plural;
        return string.Join(' ', words);
    }

    private static void AddAll<T>(Dictionary<T, List<string>> target, T key, IEnumerable<string> values)
        where T : notnull
    {
        if (!target.TryGetValue(key, out var list))
        {
            list = [];
            target[key] = list;
        }

        list.AddRange(values.Where(value => !list.Contains(value)));
    }

    private void Merge(LexiconData data)
    {
        foreach (var (color, words) in data.Colors)
        {
            AddAll(ColorLists, color, words);
            words.ForEach(word => Colors.Add(word, color));
        }

        foreach (var (size, words) in data.Sizes)
        {
            words.ForEach(word => Sizes.Add(word, size));
        }

        foreach (var (side, words) in data.Sides)
        {
            words.ForEach(word => Sides.Add(word, side));
        }

        foreach (var (extreme, words) in data.Extremes)
        {
            words.ForEach(word => Extremes.Add(word, extreme));
        }

        StackNouns.UnionWith(data.StackNouns.Concat(data.StackNouns.Select(Plural)));
        foreach (var (number, words) in data.Numbers)
        {
            words.ForEach(word => Numbers.Add(word, ParseInteger(number, "number")));
        }

        foreach (var (ordinal, words) in data.Ordinals)
        {
            words.ForEach(word => Ordinals.Add(word, ParseInteger(ordinal, "ordinal")));
        }

        Determiners.UnionWith(data.Determiners);
        Indefinites.UnionWith(data.Indefinites);
        Universals.UnionWith(data.Universals);
        Dual.UnionWith(data.Dual);
        foreach (var (number, phrases) in data.Pronouns)
        {
            phrases.ForEach(phrase => Pronouns.Add(phrase, number == "plural"));
        }

        AnaphoricHeads.UnionWith(data.AnaphoricHeads);
        GenericHeads.UnionWith(data.GenericHeads);
        foreach (var (relation, phrases) in data.Relations)
        {
            var kind = Enum.Parse<RelationKind>(relation, ignoreCase: true);
            phrases.ForEach(phrase => Relations.Add(phrase, kind));
        }

        RelativeMarkers.UnionWith(data.RelativeMarkers);
        data.Joiners.ForEach(joiner => Joiners.Add(joiner, true));
        Politeness.UnionWith(data.Politeness);
        ForeignVerbs.UnionWith(data.ForeignVerbs);
        ForeignVerbList.AddRange(data.ForeignVerbs.Where(verb => !ForeignVerbList.Contains(verb)));
        data.Safety.Weaken.ForEach(phrase => SafetyWeakeners.Add(phrase, true));
        data.Safety.Targets.ForEach(phrase => SafetyTargets.Add(phrase, true));
        data.Safety.Escalations.ForEach(phrase => SafetyEscalations.Add(phrase, true));
        UnknownThings.AddRange(data.UnknownThings.Where(thing => !UnknownThings.Contains(thing)));
        Chitchat.AddRange(data.Chitchat.Where(sentence => !Chitchat.Contains(sentence)));
        Questions.AddRange(data.Questions.Where(sentence => !Questions.Contains(sentence)));
        MergeActions(data);
        MergeNouns(data);
    }

    private void MergeActions(LexiconData data)
    {
        foreach (var (action, phrases) in data.Verbs)
        {
            var kind = ParseAction(action);
            AddAll(VerbLists, kind, phrases);
            phrases.ForEach(phrase => Verbs.Add(phrase, kind));
        }

        foreach (var (action, phrases) in data.Declaratives)
        {
            var kind = ParseAction(action);
            AddAll(DeclarativeLists, kind, phrases);
            phrases.ForEach(phrase => Declaratives.Add(phrase, kind));
        }

        foreach (var (action, phrases) in data.Participles)
        {
            var kind = ParseAction(action);
            AddAll(ParticipleLists, kind, phrases);
            phrases.ForEach(phrase => Participles.Add(phrase, kind));
        }

        foreach (var (action, phrases) in data.Steps)
        {
            var kind = ParseAction(action);
            AddAll(StepLists, kind, phrases);
            phrases.ForEach(phrase => Steps.Add(phrase, kind));
        }
    }

    private void MergeNouns(LexiconData data)
    {
        foreach (var (type, nouns) in data.Nouns)
        {
            AddAll(NounLists, type, nouns);
            foreach (var noun in nouns)
            {
                Nouns.Add(noun, new NounSense(type, IsPlural: false));
                Nouns.Add(Plural(noun), new NounSense(type, IsPlural: true));
            }
        }

        foreach (var surface in data.Surfaces)
        {
            Surfaces.Add(surface, true);
            if (!SurfaceList.Contains(surface))
            {
                SurfaceList.Add(surface);
            }
        }

        foreach (var (label, phrases) in data.Labels)
        {
            AddAll(LabelLists, label, phrases);
            phrases.ForEach(phrase => Labels.Add(phrase, label));
        }
    }
}
