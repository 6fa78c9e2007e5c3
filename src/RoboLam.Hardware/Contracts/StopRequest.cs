namespace RoboLam.Hardware.Contracts;

/// <summary>A request to bring an actuator to its safe state, with the reason recorded in the outcome.</summary>
public sealed record StopRequest(StopCategory Category, string Reason);

/// <summary>Stop categories as in IEC 60204-1, the two that software can command.</summary>
public enum StopCategory
{
    /// <summary>Cut the outputs at once (servos released or held as the robot file says).</summary>
    Uncontrolled = 0,

    /// <summary>Decelerate under control, then cut the outputs.</summary>
    Controlled = 1,
}

/// <summary>What the servo outputs do once a stop has completed.</summary>
public enum OutputsAfterStop
{
    /// <summary>PWM off: the servos go limp (no torque).</summary>
    Released,

    /// <summary>Keep sending the last position: the servos hold against load.</summary>
    Held,
}
