namespace RoboLam.Speech;

/// <summary>PocketSphinx, its model or a speech tool is missing or refused to start; the message names the fix.</summary>
public sealed class SpeechUnavailableException : Exception
{
    public SpeechUnavailableException(string message)
        : base(message)
    {
    }

    public SpeechUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SpeechUnavailableException()
    {
    }
}
