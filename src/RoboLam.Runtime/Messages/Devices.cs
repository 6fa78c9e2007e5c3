using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Messages;

// The conversation between an action executor and a device actor. The sender of ExecuteAction hears
// ActionProgress, DeviceHeartbeat and, last, ActionFinished, all carrying the action id.

/// <summary>
/// Run one PDDL action on the device. The action id is unique for the action's whole life: a device that has
/// finished it answers a repeated request with the earlier result and does not move again.
/// </summary>
public sealed record ExecuteAction(string ActionId, PlannedAction Action, WorldState World, string? TraceParent = null);

public sealed record ActionProgress(string ActionId, string DeviceId, double Completion, FeedbackStatus Status);

/// <summary>A sign of life while the device works on an action; <paramref name="Fault"/> is set when it reports a problem.</summary>
public sealed record DeviceHeartbeat(string ActionId, string DeviceId, ActuatorState State, string? Fault = null);

/// <summary>How the action ended on the device: completed, stopped, refused (nothing done) or failed.</summary>
public sealed record ActionFinished(string ActionId, string DeviceId, CommandStatus Status, string? Reason = null, bool WasDuplicate = false);

/// <summary>Bring the device to its safe state; answered with <see cref="DeviceStopped"/>.</summary>
public sealed record StopDevice(string RequestId, StopCategory Category, string Reason);

public sealed record DeviceStopped(string RequestId, string DeviceId);

/// <summary>Asks the device supervisor for its device actors by device id.</summary>
public sealed record GetDeviceDirectory(string RequestId);

public sealed record DeviceDirectory(string RequestId, IReadOnlyDictionary<string, Akka.Actor.IActorRef> Devices);
