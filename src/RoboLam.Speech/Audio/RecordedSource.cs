namespace RoboLam.Speech.Audio;

/// <summary>Samples already in memory (a WAV file) as a stream, optionally paced at real time as a microphone would deliver them.</summary>
public sealed class RecordedSource(short[] samples, bool realTime = false) : IAudioSource
{
    private readonly DateTime _started = DateTime.UtcNow;
    private int _position;

    public int Read(Span<short> buffer, CancellationToken cancellationToken)
    {
        var count = Math.Min(buffer.Length, samples.Length - _position);
        if (realTime)
        {
            var due = _started + TimeSpan.FromSeconds((_position + count) / 16000.0);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                cancellationToken.WaitHandle.WaitOne(wait);
            }
        }

        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public void Dispose()
    {
    }
}
