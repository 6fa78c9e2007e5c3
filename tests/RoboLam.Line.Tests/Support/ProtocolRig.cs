using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Line;

namespace RoboLam.Line.Tests.Support;

/// <summary>A broker, the controller's cell and simulated devices on one floor, for the protocol tests.</summary>
internal sealed class ProtocolRig : IAsyncDisposable
{
    public const string CellName = "cell-a";

    private readonly List<SimulatedLineDevice> _devices = [];
    private readonly List<IMqttClient> _clients = [];

    private ProtocolRig(TestBroker broker, MqttCell cell, LineFloor floor)
    {
        Broker = broker;
        Cell = cell;
        Floor = floor;
    }

    public TestBroker Broker { get; }

    public MqttCell Cell { get; }

    public LineFloor Floor { get; }

    public static async Task<ProtocolRig> StartAsync(BrokerKind kind, MqttCellSettings? settings = null)
    {
        var broker = await TestBroker.StartAsync(kind);
        var floor = LineFloor.FromFacts([("at", ["p1", "drill"]), ("at", ["p2", "drill"]), ("at", ["p3", "drill"])]);
        var cell = new MqttCell(new MqttClientFactory().CreateMqttClient(), MqttClientOptionsFactory.ForController(broker.ControllerAddress, "controller-under-test"), CellName, settings);
        var rig = new ProtocolRig(broker, cell, floor);
        await cell.StartAsync();
        return rig;
    }

    /// <summary>A drilling station "drill-1" at station "drill" whose operations take <paramref name="milliseconds"/>.</summary>
    public async Task<SimulatedLineDevice> AddDrillAsync(int milliseconds = 200, DeviceFaults? faults = null)
    {
        var topics = new DeviceTopics(CellName, "drill-1");
        var profile = new DeviceProfile("drill-1", LineDeviceKind.DrillingStation, TimeSpan.FromMilliseconds(milliseconds)) { Station = "drill", Faults = faults ?? DeviceFaults.None };
        var device = new SimulatedLineDevice(new MqttClientFactory().CreateMqttClient, MqttClientOptionsFactory.ForDevice(Broker.Address, topics, TestBroker.DevicePassword), topics, profile, Floor);
        _devices.Add(device);
        Cell.Device("drill-1");
        await device.StartAsync();
        await Eventually.True(() => Cell.Device("drill-1").Availability == Hardware.Contracts.DeviceAvailability.Online, "drill-1 is online to the controller");
        return device;
    }

    /// <summary>A raw client logged in as <paramref name="user"/>, recording every message on the topics it subscribes to.</summary>
    public async Task<RawClient> ConnectRawAsync(string user, string password, params string[] subscriptions)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        var raw = new RawClient(client);
        var address = Broker.Address with { Username = user, Password = password };
        var result = await client.ConnectAsync(MqttClientOptionsFactory.ForController(address, $"{user}-{Guid.NewGuid():N}"));
        raw.ConnectResult = result.ResultCode;
        if (result.ResultCode == MqttClientConnectResultCode.Success && subscriptions.Length > 0)
        {
            var builder = new MqttClientSubscribeOptionsBuilder();
            foreach (var topic in subscriptions)
            {
                builder = builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
            }

            await client.SubscribeAsync(builder.Build());
        }

        return raw;
    }

    public async ValueTask DisposeAsync()
    {
        Cell.Dispose();
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Broker.DisposeAsync();
    }
}

/// <summary>A plain MQTT client for tests that speak the protocol by hand (or try to break it).</summary>
internal sealed class RawClient
{
    private readonly IMqttClient _client;

    public RawClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            Received.Enqueue((message.Topic, message.Payload.ToArray(), message.CorrelationData));
            return Task.CompletedTask;
        };
    }

    public MqttClientConnectResultCode ConnectResult { get; set; }

    public ConcurrentQueue<(string Topic, byte[] Payload, byte[]? Correlation)> Received { get; } = new();

    public IEnumerable<T> Messages<T>(string topic)
        where T : class =>
        Received.Where(message => message.Topic == topic).Select(message => DeviceMessages.Decode<T>(message.Payload)).OfType<T>();

    public async Task<MqttClientPublishResult> PublishCommandAsync(DeviceTopics topics, string id, string operation, params string[] arguments) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topics.Command)
            .WithPayload(DeviceMessages.Encode(new CommandMessage(id, operation, arguments, 5)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData(Encoding.UTF8.GetBytes(id))
            .WithResponseTopic(topics.Ack)
            .Build());

    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());
}
