namespace RoboLam.Speech.Audio;

/// <summary>Settings of the energy detector; 10 ms frames at 16 kHz.</summary>
public sealed record VoiceActivityOptions
{
    /// <summary>Speech starts this far (dB) above the noise floor...</summary>
    public double StartDecibels { get; init; } = 12;

    /// <summary>...and ends when energy stays below floor + this for <see cref="HangoverFrames"/>.</summary>
    public double EndDecibels { get; init; } = 7;

    /// <summary>Below this absolute level (dB of mean square, full scale ≈ 90) nothing is speech, however quiet the room.</summary>
    public double MinimumDecibels { get; init; } = 35;

    /// <summary>Loud frames in a row needed to start (a click is shorter).</summary>
    public int StartFrames { get; init; } = 4;

    /// <summary>Quiet frames in a row that end an utterance: the pause between words must be shorter.</summary>
    public int HangoverFrames { get; init; } = 35;

    /// <summary>Audio kept from before the start, so the first consonant is not cut.</summary>
    public int PreRollFrames { get; init; } = 25;

    public TimeSpan Hangover => TimeSpan.FromMilliseconds(HangoverFrames * 10);
}
