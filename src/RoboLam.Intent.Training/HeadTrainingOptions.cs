namespace RoboLam.Intent.Training;

/// <summary>How to train the tagger head; the defaults rebuild the shipped head (about a minute on 2 cores).</summary>
public sealed record HeadTrainingOptions
{
    /// <summary>Seeds the sentence generator, the lexicon masking and ML.NET.</summary>
    public int Seed { get; init; } = 8;

    public int Sentences { get; init; } = 2000;

    /// <summary>Generated sentences kept apart to measure the head (another seed).</summary>
    public int HeldOutSentences { get; init; } = 300;

    /// <summary>Share of words whose lexicon features are hidden, so that the head also learns from the vectors.</summary>
    public double HideLexiconRate { get; init; } = 0.25;

    public float L2Regularization { get; init; } = 1f;

    public float L1Regularization { get; init; }

    public int MaximumIterations { get; init; } = 80;
}
