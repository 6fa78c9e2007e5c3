using RoboLam.Hardware.Kinematics;

namespace RoboLam.Hardware.Contracts;

/// <summary>One value from a sensor at one moment (virtual time in the simulator).</summary>
public abstract record SensorReading(string Sensor, DateTimeOffset Timestamp);

/// <summary>A digital input as meaning, not voltage: <paramref name="Active"/> is already corrected for active-low wiring.</summary>
public sealed record DigitalInputReading(string Sensor, DateTimeOffset Timestamp, InputRole Role, bool Active)
    : SensorReading(Sensor, Timestamp);

/// <summary>
/// Joint angles of an arm. Hobby servos have no encoder, so the real driver reports what it last commanded
/// (<paramref name="Measured"/> false); the simulator can report the true angles.
/// </summary>
public sealed record JointAnglesReading(string Sensor, DateTimeOffset Timestamp, JointAngles Angles, bool Measured)
    : SensorReading(Sensor, Timestamp);

/// <summary>What a digital input is for; the safety layer and the executor look inputs up by role.</summary>
public enum InputRole
{
    EmergencyStop,
    LimitSwitch,
    ObjectHeld,
    PartPresent,
    DoorClosed,
    General,
}
