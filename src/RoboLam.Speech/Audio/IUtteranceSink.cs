namespace RoboLam.Speech.Audio;

/// <summary>Receives what the voice detector cut: a start, the utterance's audio in pieces, an end.</summary>
public interface IUtteranceSink
{
    void Begin();

    void Audio(ReadOnlySpan<short> samples);

    void End();
}
