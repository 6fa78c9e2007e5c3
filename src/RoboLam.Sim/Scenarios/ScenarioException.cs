namespace RoboLam.Sim.Scenarios;

/// <summary>A scenario file that cannot be read or says something wrong; the message names the place and the fix.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the file (or one it names) is missing or unreadable, rather than wrong.</summary>
    public bool IsUnreadable { get; init; }
}
