using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Line.Tests.Support;

public enum BrokerKind
{
    Embedded,
    Mosquitto,
    MosquittoTls,
}

/// <summary>
/// One broker for one test, embedded or Mosquitto (plain or TLS), with the same users and permissions: the
/// controller, an intruder with a valid log-in and no rights, and every device name the tests use.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public const string ControllerUser = "controller";
    public const string ControllerPassword = "controller-secret";
    public const string IntruderUser = "intruder";
    public const string IntruderPassword = "intruder-secret";
    public const string DevicePassword = "device-secret";

    /// <summary>Device users known to every broker: the protocol tests' devices and the factory scenarios' devices.</summary>
    private static readonly string[] s_devices =
    [
        "drill-1", "conveyor-1", "ghost",
        "conveyor-input-drill", "station-drill", "conveyor-drill-paint", "station-paint", "conveyor-paint-inspect",
        "station-inspect", "conveyor-inspect-output", "robot-input", "robot-drill", "robot-paint", "robot-inspect", "robot-output",
    ];

    private readonly EmbeddedBroker? _embedded;
    private readonly MosquittoBroker? _mosquitto;
    private readonly BrokerKind _kind;

    private TestBroker(BrokerKind kind, EmbeddedBroker? embedded, MosquittoBroker? mosquitto)
    {
        _kind = kind;
        _embedded = embedded;
        _mosquitto = mosquitto;
    }

    public static TopicPermissions Permissions { get; } = new(ControllerUser);

    /// <summary>Where clients connect, without a log-in.</summary>
    public BrokerAddress Address => _kind switch
    {
        BrokerKind.Embedded => _embedded!.Address,
        BrokerKind.Mosquitto => _mosquitto!.PlainAddress,
        _ => _mosquitto!.TlsAddress,
    };

    public BrokerAddress ControllerAddress => Address with { Username = ControllerUser, Password = ControllerPassword };

    public static async Task<TestBroker> StartAsync(BrokerKind kind)
    {
        var users = s_devices.ToDictionary(device => device, _ => DevicePassword, StringComparer.Ordinal);
        users[ControllerUser] = ControllerPassword;
        users[IntruderUser] = IntruderPassword;
        return kind == BrokerKind.Embedded
            ? new TestBroker(kind, await EmbeddedBroker.StartAsync(users, Permissions), null)
            : new TestBroker(kind, null, await MosquittoBroker.StartAsync(users, Permissions));
    }

    public Task StopAsync() => _embedded?.StopAsync() ?? _mosquitto!.StopAsync();

    public Task RestartAsync() => _embedded?.RestartAsync() ?? _mosquitto!.RestartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }
    }
}
