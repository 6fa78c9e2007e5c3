using System.Buffers.Binary;
using System.Text;

namespace RoboLam.Speech.Audio;

/// <summary>Reads a RIFF/WAVE file of 16-bit PCM, 16 kHz, mono: what the recognizer takes. Anything else is refused with the sox line that converts it.</summary>
public static class WavFile
{
    public static short[] Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AudioFormatException($"{path}: cannot read the file ({exception.Message})") { IsUnreadable = true };
        }

        return Parse(bytes, path);
    }

    public static short[] Parse(ReadOnlySpan<byte> bytes, string source = "audio")
    {
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes[..4]) != "RIFF" || Encoding.ASCII.GetString(bytes[8..12]) != "WAVE")
        {
            throw new AudioFormatException($"{source}: not a WAV file (no RIFF/WAVE header)");
        }

        var position = 12;
        var formatSeen = false;
        while (position + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes.Slice(position, 4));
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(position + 4, 4)), (uint)(bytes.Length - position - 8));
            var body = bytes.Slice(position + 8, size);
            if (id == "fmt ")
            {
                CheckFormat(body, source);
                formatSeen = true;
            }
            else if (id == "data")
            {
                if (!formatSeen)
                {
                    throw new AudioFormatException($"{source}: the WAV data comes before its format chunk");
                }

                var samples = new short[size / 2];
                for (var index = 0; index < samples.Length; index++)
                {
                    samples[index] = BinaryPrimitives.ReadInt16LittleEndian(body.Slice(index * 2, 2));
                }

                return samples;
            }

            position += 8 + size + (size & 1);
        }

        throw new AudioFormatException($"{source}: the WAV file has no data chunk");
    }

    /// <summary>Writes 16 kHz mono 16-bit PCM (tests and the evaluation keep clips this way).</summary>
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        var bytes = new byte[44 + (samples.Length * 2)];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), Recognition.SpeechRecognizer.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), Recognition.SpeechRecognizer.SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(bytes, 36);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples.Length * 2);
        for (var index = 0; index < samples.Length; index++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (index * 2)), samples[index]);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static void CheckFormat(ReadOnlySpan<byte> format, string source)
    {
        if (format.Length < 16)
        {
            throw new AudioFormatException($"{source}: the WAV format chunk is too short");
        }

        var encoding = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(format[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        if ((encoding != 1 && encoding != 0xFFFE) || channels != 1 || rate != Recognition.SpeechRecognizer.SampleRate || bits != 16)
        {
            throw new AudioFormatException(
                $"{source}: {rate} Hz, {channels} channel(s), {bits}-bit (encoding {encoding}); the recognizer takes 16 kHz mono 16-bit PCM: " +
                "convert with 'sox IN.wav -r 16000 -c 1 -b 16 OUT.wav'");
        }
    }
}
