namespace RoboLam.Runtime.Semantics;

/// <summary>A plan step or a world cannot be interpreted for execution (unknown action, unsupported construct).</summary>
public sealed class ExecutionModelException : Exception
{
    public ExecutionModelException()
    {
    }

    public ExecutionModelException(string message)
        : base(message)
    {
    }

    public ExecutionModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
