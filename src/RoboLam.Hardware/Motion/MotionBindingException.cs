namespace RoboLam.Hardware.Motion;

/// <summary>An action cannot be turned into motion (no binding, wrong arguments, unknown object, out of reach).</summary>
public sealed class MotionBindingException : Exception
{
    public MotionBindingException()
    {
    }

    public MotionBindingException(string message)
        : base(message)
    {
    }

    public MotionBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
