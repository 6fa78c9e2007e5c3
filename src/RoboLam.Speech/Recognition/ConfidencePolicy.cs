namespace RoboLam.Speech.Recognition;

/// <summary>What to do with what was heard.</summary>
public enum HeardKind
{
    /// <summary>Nothing was heard.</summary>
    Nothing,

    /// <summary>A stop phrase: goes to the safety stop at once, whatever the confidence.</summary>
    Stop,

    /// <summary>Too unsure: ask to repeat; nothing moves.</summary>
    Rejected,

    /// <summary>Fairly sure: read the words back and act only on a yes.</summary>
    Confirm,

    /// <summary>Sure enough to hand to the intent layer.</summary>
    Accepted,
}

/// <summary>Thresholds on <see cref="RecognitionResult.Confidence"/>: below <paramref name="RejectBelow"/> nothing happens, below <paramref name="ConfirmBelow"/> the words are read back first.</summary>
public sealed record ConfidencePolicy(double RejectBelow = 0.35, double ConfirmBelow = 0.55)
{
    public HeardKind Judge(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        if (recognition.IsEmpty)
        {
            return HeardKind.Nothing;
        }

        if (Grammar.SafetyPhrases.IsStop(recognition.Words))
        {
            return HeardKind.Stop;
        }

        return recognition.Confidence < RejectBelow ? HeardKind.Rejected
            : recognition.Confidence < ConfirmBelow ? HeardKind.Confirm
            : HeardKind.Accepted;
    }
}
