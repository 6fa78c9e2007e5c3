namespace RoboLam.Intent.Generation;

/// <summary>A generated training sentence: its words and one BIO tag per word (see <c>TagSet</c>).</summary>
public sealed record TaggedSentence(string Domain, IReadOnlyList<string> Words, IReadOnlyList<string> Tags)
{
    public string Text => string.Join(' ', Words);

    /// <summary>The sentence with each tagged word as word/TAG, for reading and for comparing runs.</summary>
    public override string ToString() =>
        string.Join(' ', Words.Select((word, index) => Tags[index] == "O" ? word : $"{word}/{Tags[index]}"));
}
