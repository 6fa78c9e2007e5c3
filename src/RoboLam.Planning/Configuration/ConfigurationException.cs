namespace RoboLam.Planning.Configuration;

/// <summary>A search configuration string that cannot be used; the message says where and what was expected.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
