using System.Diagnostics;

namespace RoboLam.Speech.Audio;

/// <summary>
/// Live capture through ALSA's <c>arecord</c> (alsa-utils) as raw 16 kHz mono 16-bit samples. A process rather than
/// libasound P/Invoke: it keeps device set-up, resampling by the plug layer and its error messages out of this code.
/// </summary>
public sealed class MicrophoneSource : IAudioSource
{
    private readonly Process _process;
    private readonly Stream _stream;
    private readonly byte[] _bytes = new byte[32000];

    /// <param name="device">An ALSA device name ("default", "plughw:1,0"); <c>arecord -L</c> lists them.</param>
    public MicrophoneSource(string device = "default")
    {
        _process = ExternalTool.Start("arecord", "alsa-utils", ["-q", "-D", device, "-f", "S16_LE", "-r", "16000", "-c", "1", "-t", "raw"]);
        _stream = _process.StandardOutput.BaseStream;
    }

    public int Read(Span<short> buffer, CancellationToken cancellationToken)
    {
        var wanted = Math.Min(buffer.Length * 2, _bytes.Length);
        var total = 0;
        while (total < 2 || total % 2 != 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = _stream.Read(_bytes, total, wanted - total);
            if (read == 0)
            {
                if (total == 0 && _process.HasExited && _process.ExitCode != 0)
                {
                    var complaint = _process.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                    throw new SpeechUnavailableException($"speech: arecord could not capture from the microphone: {complaint ?? "no message"} (check 'arecord -l' and --device)");
                }

                break;
            }

            total += read;
        }

        var samples = total / 2;
        for (var index = 0; index < samples; index++)
        {
            buffer[index] = BitConverter.ToInt16(_bytes, index * 2);
        }

        return samples;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
