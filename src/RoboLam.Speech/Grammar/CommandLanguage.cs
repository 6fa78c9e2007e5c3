namespace RoboLam.Speech.Grammar;

/// <summary>
/// What the recognizer may hear, handed in by the caller (this project knows no domain): example commands in words,
/// as the domain's lexicon and sentence generator make them, the interchangeable word classes of the current world, and
/// the word pairs that the world's objects make likely ("black" then "bin" when there is a black bin).
/// </summary>
public sealed record CommandLanguage(IReadOnlyList<string> Sentences, IReadOnlyList<WordClass> Classes)
{
    /// <summary>A class member and a word that may follow it, each pair naming an object of the world (colour, noun).</summary>
    public IReadOnlySet<(string First, string Second)> WorldPairs { get; init; } = new HashSet<(string First, string Second)>();
}
