namespace RoboLam.Speech.Recognition;

/// <summary>
/// What the recognizer heard in one utterance. <see cref="Confidence"/> (0..1) compares how well the grammar explains
/// the audio with how well free phones do: a grammar forces every sound into some command, so this is what tells a
/// real command from noise or out-of-grammar speech.
/// </summary>
public sealed record RecognitionResult(string Words, double Confidence, int Frames, double ScorePerFrame, TimeSpan DecodeTime)
{
    public static RecognitionResult Nothing(TimeSpan decodeTime) => new(string.Empty, 0, 0, 0, decodeTime);

    public bool IsEmpty => Words.Length == 0;
}
