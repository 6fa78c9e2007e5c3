using System.Security.Cryptography;
using MQTTnet;
using RoboLam.Cli.Simulation;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;
using RoboLam.Runtime.World;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Cli.Operator;

/// <summary>What <c>robolam serve</c> was asked for: the cell's name in topics, the broker, the operator's password.</summary>
internal sealed record OperatorServiceOptions
{
    public const string ControllerUser = "controller";
    public const string OperatorUser = "operator";
    public const int DefaultPort = 1883;

    public string CellName { get; init; } = "arm";

    /// <summary>An external broker (the controller's log-in in it); null: the embedded broker on 127.0.0.1.</summary>
    public BrokerAddress? External { get; init; }

    /// <summary>The embedded broker's port (0: a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The operator's password on the embedded broker; null: a random one, printed at start.</summary>
    public string? OperatorPassword { get; init; }

    /// <summary>Readings of the intent layer less sure than this are read back and wait for the operator's "yes".</summary>
    public float ConfirmBelow { get; init; } = RoboLam.Intent.IntentParser.DefaultConfirmBelow;
}

/// <summary>
/// <c>robolam serve</c>'s parts together: the broker (embedded, with a controller and an operator user and the
/// protocol's permissions, unless an external one is given), the live simulated arm cell, and its MQTT listener.
/// </summary>
internal sealed class OperatorService : IAsyncDisposable
{
    private OperatorService(LiveArmCell cell, OperatorListener listener, EmbeddedBroker? broker, BrokerAddress operatorAddress)
    {
        Cell = cell;
        Listener = listener;
        Broker = broker;
        OperatorAddress = operatorAddress;
    }

    public LiveArmCell Cell { get; }

    public OperatorListener Listener { get; }

    public EmbeddedBroker? Broker { get; }

    /// <summary>Where the operator connects; with the embedded broker, with the operator's log-in.</summary>
    public BrokerAddress OperatorAddress { get; }

    /// <exception cref="MqttCellException">The broker cannot be reached or refuses the controller.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The embedded broker's port is taken.</exception>
    public static async Task<OperatorService> StartAsync(ScenarioInputs inputs, OperatorServiceOptions options, TextWriter log, IFactSensing? sensing = null, CancellationToken cancellationToken = default)
    {
        var topics = new OperatorTopics(options.CellName);
        EmbeddedBroker? broker = null;
        BrokerAddress controller;
        BrokerAddress operatorAddress;
        if (options.External is { } external)
        {
            controller = external;
            operatorAddress = external with { Username = null, Password = null };
        }
        else
        {
            var users = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [OperatorServiceOptions.ControllerUser] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
                [OperatorServiceOptions.OperatorUser] = options.OperatorPassword ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(),
            };
            var permissions = new TopicPermissions(OperatorServiceOptions.ControllerUser) { OperatorUser = OperatorServiceOptions.OperatorUser };
            broker = await EmbeddedBroker.StartAsync(users, permissions, options.Port, cancellationToken).ConfigureAwait(false);
            controller = broker.Address with { Username = OperatorServiceOptions.ControllerUser, Password = users[OperatorServiceOptions.ControllerUser] };
            operatorAddress = broker.Address with { Username = OperatorServiceOptions.OperatorUser, Password = users[OperatorServiceOptions.OperatorUser] };
        }

        LiveArmCell? cell = null;
        OperatorListener? listener = null;
        try
        {
            cell = LiveArmCell.Start(inputs, log, sensing, options.ConfirmBelow);
            var client = new MqttClientFactory().CreateMqttClient();
            listener = new OperatorListener(cell, client, MqttClientOptionsFactory.ForController(controller, $"robolam-{options.CellName}-operator-listener"), topics, log);
            await listener.StartAsync(cancellationToken).ConfigureAwait(false);
            return new OperatorService(cell, listener, broker, operatorAddress);
        }
        catch
        {
            if (listener is not null)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }

            cell?.Dispose();
            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync().ConfigureAwait(false);
        Cell.Dispose();
        if (Broker is not null)
        {
            await Broker.DisposeAsync().ConfigureAwait(false);
        }
    }
}
