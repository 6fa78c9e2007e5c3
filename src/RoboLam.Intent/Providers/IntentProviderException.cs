namespace RoboLam.Intent.Providers;

/// <summary>A configured provider could not be used (a language-model endpoint that does not answer); the message says where and why.</summary>
public sealed class IntentProviderException : Exception
{
    public IntentProviderException(string message)
        : base(message)
    {
    }

    public IntentProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntentProviderException()
    {
    }
}
