using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Line.Scale;

/// <summary>Which broker the scale run uses.</summary>
internal enum ScaleBroker
{
    /// <summary>The embedded MQTTnet broker in this process.</summary>
    Embedded,

    /// <summary>A Mosquitto this run starts on a free loopback port (<see cref="LocalMosquitto"/>).</summary>
    Mosquitto,

    /// <summary>A broker somebody else runs, at <see cref="ScaleOptions.External"/>.</summary>
    External,
}

/// <summary>
/// One scale run: <see cref="Cells"/> cells of <see cref="DevicesPerCell"/> instant simulated devices, commands offered
/// at <see cref="Rate"/> per second in all (zero: as fast as the devices take them) for <see cref="Duration"/> after a
/// <see cref="WarmUp"/> that is not measured.
/// </summary>
internal sealed record ScaleOptions(int Cells, int DevicesPerCell, TimeSpan Duration, TimeSpan WarmUp, double Rate, ScaleBroker Broker)
{
    public const int MaxDevicesPerCell = 100;

    public static ScaleOptions Default { get; } = new(100, 10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 5_000, ScaleBroker.Embedded);

    /// <summary>The external broker with the controller's log-in (only for <see cref="ScaleBroker.External"/>).</summary>
    public BrokerAddress? External { get; init; }

    /// <summary>
    /// Whether the controllers and devices connect to the embedded broker in memory rather than over loopback TCP
    /// (<c>--transport memory</c>; only with the embedded broker). TCP is the default, as for devices elsewhere.
    /// </summary>
    public bool InProcess { get; init; }

    /// <summary>The simulated devices' password on an external broker.</summary>
    public string? DevicePassword { get; init; }

    /// <summary>How long a drained run waits for the last commands' answers.</summary>
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromSeconds(10);

    public int Devices => Cells * DevicesPerCell;

    /// <summary>Cell names: <c>cell-000</c>, <c>cell-001</c>, … (topics <c>robolam/cell-000/{device}/…</c>).</summary>
    public string CellName(int index) => $"cell-{index:D3}";
}
