namespace RoboLam.Runtime.Devices;

/// <summary>
/// Thrown by an actuator (or its safety wrapper) when a command would break a safety rule. The device actor's
/// supervisor stops the device actor rather than restarting it: a safety violation needs a person.
/// </summary>
public sealed class SafetyViolationException : Exception
{
    public SafetyViolationException()
    {
    }

    public SafetyViolationException(string message)
        : base(message)
    {
    }

    public SafetyViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
