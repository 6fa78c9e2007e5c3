namespace RoboLam.Intent.Evaluation;

/// <summary>An evaluation file that cannot be read or has a malformed line; the message names the file and line.</summary>
public sealed class EvalFileException : Exception
{
    public EvalFileException(string message)
        : base(message)
    {
    }

    public EvalFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvalFileException()
    {
    }

    /// <summary>True when the file itself could not be read (as opposed to a bad line).</summary>
    public bool IsUnreadable { get; init; }
}
