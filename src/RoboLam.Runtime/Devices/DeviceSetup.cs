using RoboLam.Hardware.Contracts;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// One device of the robot: the actuator it drives (already wrapped by the safety gate by the composition
/// root), the sensors it reads, and how it turns actions into commands.
/// </summary>
public sealed record DeviceSetup(string DeviceId, IActuator Actuator, IReadOnlyList<ISensor> Sensors, IActionCommandSource Commands);
