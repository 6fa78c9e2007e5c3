namespace RoboLam.Hardware.Contracts;

/// <summary>
/// What a networked device last reported about itself: whether it is reachable (<paramref name="Availability"/>)
/// and its own status word (<c>idle</c>, <c>busy</c>, <c>jammed</c>...); <paramref name="Fault"/> says why when it cannot work.
/// </summary>
public sealed record DeviceStatusReading(string Sensor, DateTimeOffset Timestamp, DeviceAvailability Availability, string Status, string? Fault)
    : SensorReading(Sensor, Timestamp);

/// <summary>Whether the controller can reach a networked device.</summary>
public enum DeviceAvailability
{
    /// <summary>Not known: nothing heard yet, or the controller has lost its broker.</summary>
    Unknown,

    Online,

    /// <summary>The device said so, or its broker published its will.</summary>
    Offline,
}
