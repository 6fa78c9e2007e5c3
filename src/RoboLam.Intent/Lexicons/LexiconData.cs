namespace RoboLam.Intent.Lexicons;

/// <summary>The JSON shape of a lexicon file (<c>Lexicons/Data/*.json</c>); see <see cref="Lexicon"/> for the meaning.</summary>
internal sealed class LexiconData
{
    public string? Domain { get; set; }

    public Dictionary<string, List<string>> Colors { get; set; } = [];

    public Dictionary<string, List<string>> Sizes { get; set; } = [];

    public Dictionary<string, List<string>> Sides { get; set; } = [];

    public Dictionary<string, List<string>> Extremes { get; set; } = [];

    public List<string> StackNouns { get; set; } = [];

    public Dictionary<string, List<string>> Numbers { get; set; } = [];

    public Dictionary<string, List<string>> Ordinals { get; set; } = [];

    public List<string> Determiners { get; set; } = [];

    public List<string> Indefinites { get; set; } = [];

    public List<string> Universals { get; set; } = [];

    public List<string> Dual { get; set; } = [];

    public Dictionary<string, List<string>> Pronouns { get; set; } = [];

    public List<string> AnaphoricHeads { get; set; } = [];

    public List<string> GenericHeads { get; set; } = [];

    public Dictionary<string, List<string>> Relations { get; set; } = [];

    public List<string> RelativeMarkers { get; set; } = [];

    public List<string> Joiners { get; set; } = [];

    public List<string> Politeness { get; set; } = [];

    public List<string> ForeignVerbs { get; set; } = [];

    public SafetyData Safety { get; set; } = new();

    public List<string> UnknownThings { get; set; } = [];

    public List<string> Chitchat { get; set; } = [];

    public List<string> Questions { get; set; } = [];

    public Dictionary<string, List<string>> Verbs { get; set; } = [];

    public Dictionary<string, List<string>> Declaratives { get; set; } = [];

    public Dictionary<string, List<string>> Participles { get; set; } = [];

    public Dictionary<string, List<string>> Steps { get; set; } = [];

    public Dictionary<string, List<string>> Nouns { get; set; } = [];

    public List<string> Surfaces { get; set; } = [];

    public Dictionary<string, List<string>> Labels { get; set; } = [];

    internal sealed class SafetyData
    {
        public List<string> Weaken { get; set; } = [];

        public List<string> Targets { get; set; } = [];

        public List<string> Escalations { get; set; } = [];
    }
}
