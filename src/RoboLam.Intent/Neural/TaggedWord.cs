namespace RoboLam.Intent.Neural;

/// <summary>A word with the tag the tagger chose for it and that tag's probability.</summary>
public sealed record TaggedWord(string Word, string Tag, float Probability);
