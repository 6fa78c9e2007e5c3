namespace RoboLam.Intent.Worlds;

/// <summary>A world file that cannot be read or does not describe a world; the message names the file and the place.</summary>
public sealed class WorldFileException : Exception
{
    public WorldFileException(string message)
        : base(message)
    {
    }

    public WorldFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorldFileException()
    {
    }

    /// <summary>True when the file itself could not be read (as opposed to a malformed world).</summary>
    public bool IsUnreadable { get; init; }
}
