using System.Security.Cryptography;
using MQTTnet;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Line;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Cli.Line;

/// <summary>Which broker the line uses: the embedded one (null address) or an external one, with the simulated devices' password there.</summary>
internal sealed record BrokerChoice(BrokerAddress? External, string? DevicePassword)
{
    public const string ControllerUser = "controller";
}

/// <summary>
/// The line's moving parts outside the runtime: the broker (embedded unless one is given), the simulated devices
/// as MQTT clients, and the controller's MQTT cell with one proxy per device.
/// </summary>
internal sealed class LineRig : IAsyncDisposable
{
    private readonly List<SimulatedLineDevice> _devices = [];

    private LineRig(MqttCell cell, EmbeddedBroker? broker)
    {
        Cell = cell;
        Broker = broker;
    }

    public MqttCell Cell { get; }

    public EmbeddedBroker? Broker { get; }

    public IReadOnlyList<SimulatedLineDevice> Devices => _devices;

    /// <exception cref="MqttCellException">The broker cannot be reached or refuses a log-in.</exception>
    public static async Task<LineRig> StartAsync(LineScenario scenario, LineFloor floor, BrokerChoice choice, MqttCellSettings settings, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        EmbeddedBroker? broker = null;
        BrokerAddress address;
        Func<string, string?> devicePassword;
        if (choice.External is { } external)
        {
            address = external;
            devicePassword = _ => choice.DevicePassword;
        }
        else
        {
            // Every client gets its own random password: the embedded broker enforces log-ins and permissions too.
            var users = scenario.Devices.ToDictionary(device => device.Name, _ => NewPassword(), StringComparer.Ordinal);
            users[BrokerChoice.ControllerUser] = NewPassword();
            broker = await EmbeddedBroker.StartAsync(users, new TopicPermissions(BrokerChoice.ControllerUser), cancellationToken: cancellationToken).ConfigureAwait(false);
            address = broker.Address with { Username = BrokerChoice.ControllerUser, Password = users[BrokerChoice.ControllerUser] };
            devicePassword = name => users[name];
        }

        var cell = new MqttCell(factory.CreateMqttClient(), MqttClientOptionsFactory.ForController(address, $"{scenario.Cell}-controller"), scenario.Cell, settings);
        var rig = new LineRig(cell, broker);
        try
        {
            foreach (var profile in scenario.Devices)
            {
                cell.Device(profile.Name);
            }

            await cell.StartAsync(cancellationToken).ConfigureAwait(false);
            foreach (var profile in scenario.Devices)
            {
                var topics = new DeviceTopics(scenario.Cell, profile.Name);
                var options = MqttClientOptionsFactory.ForDevice(address with { Username = null, Password = null }, topics, devicePassword(profile.Name));
                var device = new SimulatedLineDevice(factory.CreateMqttClient, options, topics, profile, floor, scenario.TimeScale, scenario.Seed);
                rig._devices.Add(device);
                await device.StartAsync(cancellationToken).ConfigureAwait(false);
            }

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
        Cell.Dispose();
        foreach (var device in _devices)
        {
            await device.DisposeAsync().ConfigureAwait(false);
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
