namespace RoboLam.Validation.Semantics;

/// <summary>
/// The domain or problem is outside what the validator can judge (an unsupported feature) or is
/// ill-formed (an undeclared name); raised while compiling, before any step is checked.
/// </summary>
internal sealed class TaskError : Exception
{
    public TaskError(string message)
        : base(message)
    {
    }

    public TaskError()
    {
    }

    public TaskError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
