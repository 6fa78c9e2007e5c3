namespace RoboLam.Speech.Audio;

/// <summary>A stream of 16 kHz mono samples: a microphone or a recording.</summary>
public interface IAudioSource : IDisposable
{
    /// <summary>Fills <paramref name="buffer"/> with the next samples; 0 at the end of the stream.</summary>
    int Read(Span<short> buffer, CancellationToken cancellationToken);
}
