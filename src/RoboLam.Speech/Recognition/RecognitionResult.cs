namespace RoboLam.Speech.Recognition;

/// <summary>
/// What the recognizer heard in one utterance. <see cref="Confidence"/> (0..1) compares how well the grammar explains
/// the audio with how well free phones do: a grammar forces every sound into some command, so this is what tells a
/// real command from noise or out-of-grammar speech.
/// </summary>
public sealed record RecognitionResult(string Words, double Confidence, int Frames, double ScorePerFrame, TimeSpan DecodeTime)
{
    /// <summary>
    /// The grammar's next-best word sequences for the same audio, best first, each with its own confidence (the
    /// first is not repeated here). A listener that knows the world may prefer one that makes sense.
    /// </summary>
    /// <remarks>Asked of the recognizer on first use, and only available until it starts the next utterance (or given).</remarks>
    public IReadOnlyList<Alternative> Alternatives
    {
        get => _alternatives ??= NextBest?.Invoke() ?? [];
        init => _alternatives = value;
    }

    private IReadOnlyList<Alternative>? _alternatives;

    /// <summary>Computes <see cref="Alternatives"/> when first asked.</summary>
    internal Func<IReadOnlyList<Alternative>>? NextBest { get; init; }

    public static RecognitionResult Nothing(TimeSpan decodeTime) => new(string.Empty, 0, 0, 0, decodeTime);

    public bool IsEmpty => Words.Length == 0;
}
