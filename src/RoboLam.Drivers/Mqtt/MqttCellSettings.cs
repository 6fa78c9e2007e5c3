namespace RoboLam.Drivers.Mqtt;

/// <summary>Timing of the controller's side of the device protocol.</summary>
public sealed record MqttCellSettings
{
    public static MqttCellSettings Default { get; } = new();

    /// <summary>A command the device has not acknowledged by then fails (and is never sent again under another id).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a device proxy tells the runtime and the safety watchdog that the device is reachable.</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait before reconnecting to a lost broker; it doubles up to <see cref="ReconnectMaximum"/>.</summary>
    public TimeSpan ReconnectMinimum { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaximum { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stop waits for the device to report the stopped command.</summary>
    public TimeSpan StopWait { get; init; } = TimeSpan.FromSeconds(1);
}
