namespace RoboLam.Speech.Audio;

/// <summary>Audio that is missing, unreadable or not 16 kHz mono 16-bit PCM; the message says how to convert it.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AudioFormatException()
    {
    }

    /// <summary>The file could not be read at all (as opposed to read and found wrong).</summary>
    public bool IsUnreadable { get; init; }
}
