namespace RoboLam.Hardware.Contracts;

/// <summary>
/// Something that moves or switches. Every implementation (real driver, simulator, safety gate wrapping
/// either) has this shape, so the safety layer can wrap any actuator without knowing what is inside.
/// </summary>
/// <remarks>
/// Rules every implementation keeps:
/// <list type="bullet">
/// <item>One command at a time; a second <see cref="ExecuteAsync"/> while busy is <see cref="CommandStatus.Refused"/>.</item>
/// <item>A command id seen before returns the earlier outcome with <see cref="CommandOutcome.WasDuplicate"/> set; nothing moves.</item>
/// <item>Cancelling the token halts the motion where it is (outputs hold) and throws <see cref="OperationCanceledException"/>.</item>
/// <item><see cref="StopAsync"/> may be called at any moment from any thread; the running command then ends
/// <see cref="CommandStatus.Stopped"/> and the outputs are in the safe state when the returned task completes.</item>
/// </list>
/// </remarks>
public interface IActuator : IDisposable
{
    /// <summary>The device name from the robot file, e.g. "arm".</summary>
    string Name { get; }

    ActuatorState State { get; }

    /// <summary>Progress of the running command; raised on the thread that drives the motion.</summary>
    event EventHandler<ActuatorFeedback>? Feedback;

    /// <summary>Raised every heartbeat period while the device answers.</summary>
    event EventHandler<Heartbeat>? Heartbeat;

    Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default);

    Task StopAsync(StopRequest request, CancellationToken cancellationToken = default);
}
