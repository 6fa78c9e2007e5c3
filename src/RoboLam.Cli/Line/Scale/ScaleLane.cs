using RoboLam.Runtime.Planning;
using RoboLam.Sim.Line;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// One lane of a scale-run cell: up to five instant devices that every part passes in order, as the factory domain's
/// actions: conveyor input → drill, drilling station, conveyor drill → paint, painting station, transfer robot to the
/// output. A cell of ten devices has two lanes; a lane of fewer devices ends its route earlier.
/// </summary>
internal sealed class ScaleLane
{
    public const int MaxDevices = 5;

    private readonly string _input;
    private readonly string _drill;
    private readonly string _paint;
    private readonly string _output;

    public ScaleLane(string name, int devices)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(devices);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(devices, MaxDevices);
        Name = name;
        (_input, _drill, _paint, _output) = ($"input-{name}", $"drill-{name}", $"paint-{name}", $"output-{name}");
        DeviceProfile[] all =
        [
            new($"conveyor-{name}-in", LineDeviceKind.Conveyor, TimeSpan.Zero) { From = _input, To = _drill },
            new($"station-drill-{name}", LineDeviceKind.DrillingStation, TimeSpan.Zero) { Station = _drill },
            new($"conveyor-{name}-mid", LineDeviceKind.Conveyor, TimeSpan.Zero) { From = _drill, To = _paint },
            new($"station-paint-{name}", LineDeviceKind.PaintingStation, TimeSpan.Zero) { Station = _paint },
            new($"robot-{name}", LineDeviceKind.TransferRobot, TimeSpan.Zero),
        ];
        Devices = all[..devices];
    }

    public string Name { get; }

    /// <summary>The lane's devices in route order: step <c>i</c> of every part runs on <c>Devices[i]</c>.</summary>
    public IReadOnlyList<DeviceProfile> Devices { get; }

    /// <summary>Where a new part is loaded.</summary>
    public string Entry => _input;

    /// <summary>Lanes named a, b, c, … with five devices each, the last one taking the rest.</summary>
    public static IReadOnlyList<ScaleLane> ForCell(int devices)
    {
        var lanes = new List<ScaleLane>();
        for (var first = 0; first < devices; first += MaxDevices)
        {
            lanes.Add(new ScaleLane(((char)('a' + lanes.Count)).ToString(), Math.Min(MaxDevices, devices - first)));
        }

        return lanes;
    }

    /// <summary>The action of route step <paramref name="step"/> for <paramref name="part"/>.</summary>
    public PlannedAction Step(int step, string part) => step switch
    {
        0 => new PlannedAction("convey", [part, _input, _drill]),
        1 => new PlannedAction("drill", [part, _drill]),
        2 => new PlannedAction("convey", [part, _drill, _paint]),
        3 => new PlannedAction("paint", [part, _paint, "blue"]),
        4 => new PlannedAction("transfer", [part, _paint, _output]),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, $"a lane has {MaxDevices} steps at most"),
    };
}
