using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt.InProcess;

namespace RoboLam.Sim.Mqtt;

/// <summary>
/// The embedded default broker: MQTTnet.Server in this process on 127.0.0.1 (a free port unless one is given),
/// with a user table and the protocol's <see cref="TopicPermissions"/>. A publish outside a client's permissions is
/// dropped and answered "not authorised"; so is a subscription. Retained messages live as long as the process of
/// the broker, as with a Mosquitto without persistence: a restart forgets them and devices publish them again.
/// Publishes are routed through a topic index (<see cref="SessionRouter"/>) rather than MQTTnet's own dispatch,
/// which checks every session's subscriptions on every publish and does not scale to a thousand clients.
/// Clients in this process may connect in memory instead of over TCP (<see cref="CreateInProcessClient"/>);
/// TCP on the loopback port stays open for everyone else.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly TopicPermissions _permissions;
    private readonly ConcurrentDictionary<string, string> _userOfClient = new(StringComparer.Ordinal);
    private readonly SessionRouter _router = new();
    private readonly MqttClientFactory _inProcessClients = new();
    private readonly InProcessClientAdapterFactory _inProcessAdapters;
    private InProcessServerAdapter? _inProcess;
    private MqttServer? _server;
    private int _refusedPublishes;
    private int _refusedSubscriptions;

    private EmbeddedBroker(int port, IReadOnlyDictionary<string, string> users, TopicPermissions permissions)
    {
        Port = port;
        _users = users;
        _permissions = permissions;
        _inProcessAdapters = new InProcessClientAdapterFactory(() => _inProcess);
    }

    public int Port { get; }

    /// <summary>The address clients use, without credentials.</summary>
    public BrokerAddress Address => new("127.0.0.1", Port, UseTls: false);

    /// <summary>Publishes dropped because the client may not publish there (for reports and tests).</summary>
    public int RefusedPublishes => Volatile.Read(ref _refusedPublishes);

    public int RefusedSubscriptions => Volatile.Read(ref _refusedSubscriptions);

    /// <summary>Subscriptions the broker routes by (each client and filter once; for tests).</summary>
    public int IndexedSubscriptions => _router.Index.Count;

    /// <param name="users">User name → password; nobody else may connect.</param>
    /// <param name="port">0 for a free port on the loopback interface.</param>
    public static async Task<EmbeddedBroker> StartAsync(IReadOnlyDictionary<string, string> users, TopicPermissions permissions, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(permissions);
        var broker = new EmbeddedBroker(port == 0 ? FreeLoopbackPort() : port, users, permissions);
        await broker.StartServerAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>A port nobody listens on right now (the OS picks it; a race with another process is possible but rare).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// An MQTTnet client that connects to this broker in memory, not over TCP: its options' server address is
    /// ignored, everything else (log-in, will, permissions, routing) is as over TCP. It reconnects after a restart
    /// like a TCP client does; while the broker is stopped its connect fails as a refused TCP connect would.
    /// </summary>
    public IMqttClient CreateInProcessClient() => _inProcessClients.CreateMqttClient(_inProcessAdapters);

    /// <summary>
    /// Turns keep-alive off in the options of an in-process client: in memory a connection cannot go silent (a
    /// close reaches the other end at once), and MQTTnet's keep-alive is a loop per client that wakes every 250 ms,
    /// a thousand timers for a thousand devices.
    /// </summary>
    public static MqttClientOptions ForInProcess(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.KeepAlivePeriod = TimeSpan.Zero;
        return options;
    }

    /// <summary>Drops every connection and forgets sessions and retained messages (a broker crash, for tests).</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            _inProcess = null;
            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            _router.Clear();
        }
    }

    /// <summary>Starts again on the same port after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync() => _server is null ? StartServerAsync() : Task.CompletedTask;

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StartServerAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .Build();
        var factory = new MqttServerFactory();
        var inProcess = new InProcessServerAdapter();
        var server = factory.CreateMqttServer(options, factory.DefaultServerAdapters.Select(create => create(factory)).Append(inProcess));
        server.ValidatingConnectionAsync += ValidateConnection;
        server.InterceptingPublishAsync += InterceptPublish;
        server.InterceptingSubscriptionAsync += InterceptSubscription;
        server.InterceptingUnsubscriptionAsync += InterceptUnsubscription;
        server.ClientConnectedAsync += ClientConnected;
        server.SessionDeletedAsync += SessionDeleted;
        _router.Clear();
        await server.StartAsync().ConfigureAwait(false);
        _server = server;
        _inProcess = inProcess;
    }

    private Task ValidateConnection(ValidatingConnectionEventArgs args)
    {
        if (args.UserName is null || !_users.TryGetValue(args.UserName, out var password) || password != args.Password)
        {
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return Task.CompletedTask;
        }

        _userOfClient[args.ClientId] = args.UserName;
        return Task.CompletedTask;
    }

    private async Task InterceptPublish(InterceptingPublishEventArgs args)
    {
        var message = args.ApplicationMessage;
        var user = _userOfClient.GetValueOrDefault(args.ClientId);
        if (!_permissions.MayPublish(user, message.Topic))
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            Interlocked.Increment(ref _refusedPublishes);
            return;
        }

        if (args.Response.ReasonCode != MqttPubAckReasonCode.Success || _server is not { } server)
        {
            return; // MQTTnet refuses it already (e.g. an unknown topic alias), or the broker is stopping: its own path decides
        }

        // The broker delivers it; MQTTnet only answers the publisher. Retained first, as MQTTnet does, so a
        // subscriber that arrives meanwhile gets the message one way or the other.
        args.ProcessPublish = false;
        if (message.Retain)
        {
            await server.UpdateRetainedMessageAsync(message).ConfigureAwait(false);
        }

        if (_router.Deliver(args.ClientId, message) == 0)
        {
            args.Response.ReasonCode = MqttPubAckReasonCode.NoMatchingSubscribers;
        }
    }

    private Task InterceptSubscription(InterceptingSubscriptionEventArgs args)
    {
        var user = _userOfClient.GetValueOrDefault(args.ClientId);
        if (!_permissions.MaySubscribe(user, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            Interlocked.Increment(ref _refusedSubscriptions);
            return Task.CompletedTask;
        }

        if (args.ProcessSubscription && args.Response.ReasonCode <= MqttSubscribeReasonCode.GrantedQoS2)
        {
            // MQTTnet stores the subscription right after this (for retained delivery and its bookkeeping); routing uses ours.
            _router.Subscribed(args.Session, args.TopicFilter, (MqttQualityOfServiceLevel)(int)args.Response.ReasonCode);
        }

        return Task.CompletedTask;
    }

    private Task InterceptUnsubscription(InterceptingUnsubscriptionEventArgs args)
    {
        _router.Unsubscribed(args.ClientId, args.Topic);
        return Task.CompletedTask;
    }

    private Task ClientConnected(ClientConnectedEventArgs args)
    {
        _router.Connected(args.ClientId, args.SessionItems);
        return Task.CompletedTask;
    }

    private Task SessionDeleted(SessionDeletedEventArgs args)
    {
        _router.SessionDeleted(args.Id, args.SessionItems);
        return Task.CompletedTask;
    }
}
