using RoboLam.Drivers.Mqtt;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim.Line;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// One cell of the scale run outside the actors: the controller's MQTT cell with a proxy per device, each proxy behind
/// the cell's Safety gate, the simulated devices as MQTT clients, and the floor they share.
/// </summary>
internal sealed class ScaleCell : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SafeActuator> _gates = new(StringComparer.Ordinal);
    private SupervisorTicker? _ticker;

    public ScaleCell(string name, IReadOnlyList<ScaleLane> lanes, MqttCell mqtt, SafetySupervisor supervisor, TimeProvider time)
    {
        Name = name;
        Lanes = lanes;
        Mqtt = mqtt;
        Supervisor = supervisor;
        _time = time;
    }

    public string Name { get; }

    public IReadOnlyList<ScaleLane> Lanes { get; }

    public MqttCell Mqtt { get; }

    public SafetySupervisor Supervisor { get; }

    public LineFloor Floor { get; } = LineFloor.FromFacts([]);

    /// <summary>Each device's proxy behind the gate, by device name (empty until <see cref="PutBehindGates"/>).</summary>
    public IReadOnlyDictionary<string, SafeActuator> Gates => _gates;

    public IEnumerable<string> DeviceNames => Lanes.SelectMany(lane => lane.Devices).Select(profile => profile.Name);

    /// <summary>
    /// Wraps every proxy in the cell's Safety gate and starts the supervisor's ticks. Only once the devices are online:
    /// the gate starts each device's heartbeat watchdog, and a device still connecting sends none.
    /// </summary>
    public void PutBehindGates()
    {
        foreach (var name in DeviceNames)
        {
            _gates[name] = new SafeActuator(Mqtt.Device(name), Supervisor, _time, shouldDispose: false);
        }

        _ticker = new SupervisorTicker(Supervisor, _time, TimeSpan.FromMilliseconds(50));
    }

    public List<SimulatedLineDevice> Devices { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }

        Mqtt.Dispose();
        foreach (var device in Devices)
        {
            await device.DisposeAsync().ConfigureAwait(false);
        }
    }
}
