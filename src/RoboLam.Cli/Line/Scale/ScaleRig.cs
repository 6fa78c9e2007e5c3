using System.Security.Cryptography;
using MQTTnet;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Mqtt;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim.Line;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// The broker (embedded, a Mosquitto started here, or an external one) and every cell of the scale run, connected:
/// each cell's controller client subscribed and each simulated device online to its cell's proxies.
/// </summary>
internal sealed class ScaleRig : IAsyncDisposable
{
    private const int ConcurrentConnects = 16;
    private static readonly TimeSpan s_onlineLimit = TimeSpan.FromSeconds(60);

    private ScaleRig(EmbeddedBroker? embedded, LocalMosquitto? mosquitto, BrokerAddress address)
    {
        Embedded = embedded;
        Mosquitto = mosquitto;
        Address = address;
    }

    public EmbeddedBroker? Embedded { get; }

    /// <summary>The clients reach the embedded broker in memory, not over TCP (<see cref="ScaleOptions.InProcess"/>).</summary>
    public bool InProcess { get; private set; }

    public LocalMosquitto? Mosquitto { get; }

    /// <summary>Where the clients connect (without log-in).</summary>
    public BrokerAddress Address { get; }

    public List<ScaleCell> Cells { get; } = [];

    public string BrokerDescription => Embedded is not null ? $"the embedded broker {(InProcess ? "in memory (in-process transport)" : $"at {Address}")}"
        : Mosquitto is not null ? $"Mosquitto at {Address} (started by this run, passwords and ACL)"
        : $"the broker at {Address}";

    /// <exception cref="MqttCellException">The broker cannot be reached or refuses a log-in.</exception>
    /// <exception cref="InvalidOperationException">Mosquitto does not start, or a device does not come online.</exception>
    public static async Task<ScaleRig> StartAsync(ScaleOptions options, DispatchProbe probe, CancellationToken cancellationToken)
    {
        var lanes = ScaleLane.ForCell(options.DevicesPerCell);

        // Every cell has the same device names, so a broker needs only one user per name (and the ACL's %u patterns hold).
        var users = lanes.SelectMany(lane => lane.Devices).ToDictionary(device => device.Name, _ => NewPassword(), StringComparer.Ordinal);
        users[BrokerChoice.ControllerUser] = NewPassword();
        var permissions = new TopicPermissions(BrokerChoice.ControllerUser);
        ScaleRig rig;
        BrokerAddress controller;
        Func<string, string?> devicePassword;
        switch (options.Broker)
        {
            case ScaleBroker.Embedded:
                var embedded = await EmbeddedBroker.StartAsync(users, permissions, cancellationToken: cancellationToken).ConfigureAwait(false);
                rig = new ScaleRig(embedded, null, embedded.Address);
                controller = embedded.Address with { Username = BrokerChoice.ControllerUser, Password = users[BrokerChoice.ControllerUser] };
                devicePassword = name => users[name];
                break;
            case ScaleBroker.Mosquitto:
                var mosquitto = await LocalMosquitto.StartAsync(users, permissions, cancellationToken).ConfigureAwait(false);
                rig = new ScaleRig(null, mosquitto, mosquitto.Address);
                controller = mosquitto.Address with { Username = BrokerChoice.ControllerUser, Password = users[BrokerChoice.ControllerUser] };
                devicePassword = name => users[name];
                break;
            default:
                controller = options.External ?? throw new InvalidOperationException("an external broker needs its address");
                rig = new ScaleRig(null, null, controller with { Username = null, Password = null });
                devicePassword = _ => options.DevicePassword;
                break;
        }

        try
        {
            await rig.ConnectCellsAsync(options, lanes, controller, devicePassword, probe, cancellationToken).ConfigureAwait(false);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cell in Cells)
        {
            await cell.DisposeAsync().ConfigureAwait(false);
        }

        if (Embedded is not null)
        {
            await Embedded.DisposeAsync().ConfigureAwait(false);
        }

        Mosquitto?.Dispose();
    }

    private async Task ConnectCellsAsync(ScaleOptions options, IReadOnlyList<ScaleLane> lanes, BrokerAddress controller, Func<string, string?> devicePassword, DispatchProbe probe, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        InProcess = options.InProcess && Embedded is not null;
        Func<IMqttClient> createClient = InProcess ? Embedded!.CreateInProcessClient : factory.CreateMqttClient;
        Func<MqttClientOptions, MqttClientOptions> transport = InProcess ? EmbeddedBroker.ForInProcess : options => options;
        var time = TimeProvider.System;
        for (var index = 0; index < options.Cells; index++)
        {
            var name = options.CellName(index);
            var mqtt = new MqttCell(createClient(), transport(MqttClientOptionsFactory.ForController(controller, $"{name}-controller")), name, MqttCellSettings.Default, time);
            var supervisor = new SafetySupervisor(SafetyEnvelope.ForDevices(name, LineRun.CellSafety(), StopCategory.Controlled));
            var cell = new ScaleCell(name, lanes, mqtt, supervisor, time);
            Cells.Add(cell);
            foreach (var device in lanes.SelectMany(lane => lane.Devices))
            {
                mqtt.Device(device.Name).Acknowledged += (_, id) => probe.Acknowledged(id.Value);
            }
        }

        await Parallel.ForEachAsync(Cells, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentConnects, CancellationToken = cancellationToken }, (cell, token) => new ValueTask(cell.Mqtt.StartAsync(token)))
            .ConfigureAwait(false);

        var devices = new List<SimulatedLineDevice>();
        foreach (var cell in Cells)
        {
            foreach (var profile in lanes.SelectMany(lane => lane.Devices))
            {
                var topics = new DeviceTopics(cell.Name, profile.Name);
                var clientOptions = transport(MqttClientOptionsFactory.ForDevice(Address, topics, devicePassword(profile.Name)));
                var device = new SimulatedLineDevice(createClient, clientOptions, topics, profile, cell.Floor);
                device.CommandReceived += (_, id) => probe.DeviceReceived(id);
                device.AckTaken += (_, id) => probe.AckTaken(id);
                cell.Devices.Add(device);
                devices.Add(device);
            }
        }

        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentConnects, CancellationToken = cancellationToken }, (device, token) => new ValueTask(device.StartAsync(token)))
            .ConfigureAwait(false);

        var deadline = DateTime.UtcNow + s_onlineLimit;
        while (Cells.Sum(cell => cell.DeviceNames.Count(name => cell.Mqtt.Device(name).Availability != DeviceAvailability.Online)) is var missing and > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{missing} simulated devices were still not online to their cells after {s_onlineLimit.TotalSeconds:0} s; is the broker overloaded?");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        foreach (var cell in Cells)
        {
            cell.PutBehindGates();
        }
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
