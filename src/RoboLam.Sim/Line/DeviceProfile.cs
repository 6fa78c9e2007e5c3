namespace RoboLam.Sim.Line;

/// <summary>What a simulated line device is.</summary>
public enum LineDeviceKind
{
    /// <summary>Carries a part from one station to the next (<c>convey</c>).</summary>
    Conveyor,

    /// <summary>Drills a part at its station (<c>drill</c>).</summary>
    DrillingStation,

    /// <summary>Paints a bare part, or strips and repaints one (<c>paint</c>, <c>repaint</c>).</summary>
    PaintingStation,

    /// <summary>A camera that passes or rejects a part (<c>inspect</c>); rejects at its seeded rate.</summary>
    InspectionCamera,

    /// <summary>Carries a part between any two stations (<c>transfer</c>).</summary>
    TransferRobot,
}

/// <summary>
/// One simulated device: its kind, where it works (<see cref="Station"/>, or <see cref="From"/> → <see cref="To"/>
/// for a conveyor), how long an operation takes in simulated time, and its faults.
/// </summary>
public sealed record DeviceProfile(string Name, LineDeviceKind Kind, TimeSpan Duration)
{
    public string? Station { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public DeviceFaults Faults { get; init; } = DeviceFaults.None;
}

/// <summary>
/// Injected faults. <see cref="JamAt"/>: the n-th operation jams the device (it fails, and the device refuses
/// everything after as faulted). <see cref="OfflineAt"/>: during the n-th operation the device drops off the network
/// without a goodbye (the broker publishes its will); it comes back after <see cref="OfflineFor"/> when one is given.
/// <see cref="SlowFactor"/> stretches every operation (a slow conveyor). <see cref="RejectRate"/>: the share of
/// inspections a camera rejects, drawn from a generator seeded by the scenario.
/// </summary>
public sealed record DeviceFaults
{
    public static DeviceFaults None { get; } = new();

    public int? JamAt { get; init; }

    public int? OfflineAt { get; init; }

    public TimeSpan? OfflineFor { get; init; }

    public double SlowFactor { get; init; } = 1.0;

    public double RejectRate { get; init; }
}
