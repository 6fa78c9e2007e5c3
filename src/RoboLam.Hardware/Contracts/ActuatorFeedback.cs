using RoboLam.Hardware.Kinematics;

namespace RoboLam.Hardware.Contracts;

/// <summary>
/// Progress of one command: <paramref name="Completion"/> runs from 0 to 1. <paramref name="Commanded"/> is the
/// joint position just written, when the command moves joints.
/// </summary>
public sealed record ActuatorFeedback(
    string Actuator,
    CommandId CommandId,
    double Completion,
    FeedbackStatus Status,
    DateTimeOffset Timestamp,
    JointAngles? Commanded = null);

public enum FeedbackStatus
{
    Started,
    Progress,
    Completed,
    Stopped,
    Failed,
}

/// <summary>
/// Sign of life from a device, raised periodically while it answers. A missing heartbeat is a failure to the
/// watchdog; <paramref name="Fault"/> is set when the device answers but reports a problem.
/// </summary>
public sealed record Heartbeat(string Device, DateTimeOffset Timestamp, ActuatorState State, string? Fault = null);

public enum ActuatorState
{
    Idle,
    Busy,
    Stopped,
    Faulted,
}
