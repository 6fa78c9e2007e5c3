namespace RoboLam.Speech.Grammar;

/// <summary>
/// What the recognizer may hear, handed in by the caller (this project knows no domain): example commands in words,
/// as the domain's lexicon and sentence generator make them, and the interchangeable word classes of the current world.
/// </summary>
public sealed record CommandLanguage(IReadOnlyList<string> Sentences, IReadOnlyList<WordClass> Classes);
