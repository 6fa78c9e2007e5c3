namespace RoboLam.Hardware.Kinematics;

/// <summary>The arm cannot put its fingertips at a point; the message says why and by how much.</summary>
public sealed class UnreachableTargetException : Exception
{
    public UnreachableTargetException(Point3 target, string reason)
        : base($"The arm cannot reach {target}: {reason}.")
    {
        Target = target;
        Reason = reason;
    }

    public UnreachableTargetException()
    {
        Reason = string.Empty;
    }

    public UnreachableTargetException(string message)
        : base(message)
    {
        Reason = message;
    }

    public UnreachableTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public Point3 Target { get; }

    public string Reason { get; }
}
