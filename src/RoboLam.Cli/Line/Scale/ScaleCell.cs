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
    private readonly SupervisorTicker _ticker;

    public ScaleCell(string name, IReadOnlyList<ScaleLane> lanes, MqttCell mqtt, SafetySupervisor supervisor, TimeProvider time)
    {
        Name = name;
        Lanes = lanes;
        Mqtt = mqtt;
        Supervisor = supervisor;
        _ticker = new SupervisorTicker(supervisor, time, TimeSpan.FromMilliseconds(50));
        Gates = lanes.SelectMany(lane => lane.Devices).ToDictionary(
            profile => profile.Name,
            profile => new SafeActuator(mqtt.Device(profile.Name), supervisor, time, shouldDispose: false),
            StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<ScaleLane> Lanes { get; }

    public MqttCell Mqtt { get; }

    public SafetySupervisor Supervisor { get; }

    public LineFloor Floor { get; } = LineFloor.FromFacts([]);

    /// <summary>Each device's proxy behind the gate, by device name.</summary>
    public IReadOnlyDictionary<string, SafeActuator> Gates { get; }

    public List<SimulatedLineDevice> Devices { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _ticker.Dispose();
        foreach (var gate in Gates.Values)
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
