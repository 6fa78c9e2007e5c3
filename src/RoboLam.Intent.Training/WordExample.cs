namespace RoboLam.Intent.Training;

/// <summary>One ML.NET row: a word's features and its tag index (LoadFromEnumerable takes key values 0-based).</summary>
internal sealed class WordExample
{
    public float[] Features { get; set; } = [];

    public uint Label { get; set; }
}
