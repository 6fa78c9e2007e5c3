using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Drivers.Mqtt;

/// <summary>
/// The controller's side of one cell: a single MQTT 5 client for all the cell's devices. It subscribes to every
/// device topic of the cell, routes what arrives to the device proxies, and when the broker is lost marks every
/// device unknown and reconnects with a doubling back-off; once back, the retained availability and state re-sync
/// the proxies and commands still waiting for an answer are sent again under the same id (devices deduplicate).
/// </summary>
public sealed class MqttCell : IDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly bool _shouldDispose;
    private readonly ConcurrentDictionary<string, MqttDevice> _devices = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _heartbeat;
    private readonly object _reconnectGate = new();
    private Task? _reconnecting;
    private bool _started;

    /// <param name="client">A client that is not connected yet; options come from <see cref="MqttClientOptionsFactory.ForController"/>.</param>
    public MqttCell(IMqttClient client, MqttClientOptions options, string cell, MqttCellSettings? settings = null, TimeProvider? timeProvider = null, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _ = new DeviceTopics(cell, "check");
        _client = client;
        _options = options;
        _shouldDispose = shouldDispose;
        Cell = cell;
        Settings = settings ?? MqttCellSettings.Default;
        Time = timeProvider ?? TimeProvider.System;
        _client.ApplicationMessageReceivedAsync += OnMessage;
        _client.DisconnectedAsync += OnDisconnected;

        // One timer beats for all the cell's proxies: a timer per device made a thousand timers at scale, and the
        // runtime's timer queue walks all of them whenever one fires. Each cell beats at its own phase of the
        // period, so that cells made together do not all beat at the same instant.
        var period = Settings.HeartbeatPeriod;
        _heartbeat = Time.CreateTimer(_ => BeatAll(), null, period + (period * HeartbeatPhase(cell)), period);
    }

    public string Cell { get; }

    public MqttCellSettings Settings { get; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>How many times the broker was lost and found again (for reports and tests).</summary>
    public int Reconnections { get; private set; }

    internal TimeProvider Time { get; }

    /// <summary>Raised with true when the broker is (re)connected and subscribed, false when it is lost.</summary>
    public event EventHandler<bool>? ConnectionChanged;

    /// <summary>The proxy of one device of this cell (made on first use; the same object afterwards).</summary>
    public MqttDevice Device(string name) => _devices.GetOrAdd(name, key => new MqttDevice(this, new DeviceTopics(Cell, key)));

    /// <exception cref="MqttCellException">The broker cannot be reached or refuses the log-in; the message says which.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        await ConnectAndSubscribeAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
    }

    internal async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        try
        {
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return result.IsSuccess;
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // The broker went away under the publish: the reconnect re-sends what is still waiting for an answer.
            return false;
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var where = _options.ChannelOptions is MqttClientTcpOptions { RemoteEndpoint: System.Net.DnsEndPoint endpoint }
            ? $"{endpoint.Host}:{endpoint.Port}"
            : _options.ChannelOptions?.ToString() ?? "the broker";
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MqttCellException($"cannot reach the MQTT broker at {where}: {exception.Message}; check --broker and that the broker runs", exception);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttCellException($"the MQTT broker at {where} refused the controller's log-in: {result.ResultCode} {result.ReasonString}; check the user name and password");
        }

        // No local: the filter also matches the cmd topics, and the controller need not hear its own commands back.
        var filter = new MqttTopicFilterBuilder()
            .WithTopic(DeviceTopics.AllOfCell(Cell))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithNoLocal(true)
            .Build();
        var subscribe = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter).Build();
        var subscribed = await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        if (subscribed.Items.Any(item => (int)item.ResultCode > 2))
        {
            throw new MqttCellException($"the MQTT broker at {where} refused the subscription to {DeviceTopics.AllOfCell(Cell)}: {subscribed.Items.First().ResultCode}; check the broker's topic permissions");
        }

        ConnectionChanged?.Invoke(this, true);
        foreach (var device in _devices.Values)
        {
            device.BrokerFound();
        }
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (DeviceTopics.TryParse(message.Topic, out var cell, out var name, out var kind) && cell == Cell && kind != "cmd"
            && _devices.TryGetValue(name, out var device))
        {
            var payload = message.Payload;
            device.Receive(kind, payload.IsSingleSegment ? payload.FirstSpan.ToArray() : payload.ToArray(), message.CorrelationData);
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        // A failed reconnect attempt raises this too; only the loss of a live connection counts.
        if (!_started || _stopping.IsCancellationRequested || !args.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        foreach (var device in _devices.Values)
        {
            device.BrokerLost();
        }

        ConnectionChanged?.Invoke(this, false);
        lock (_reconnectGate)
        {
            if (_reconnecting is null || _reconnecting.IsCompleted)
            {
                _reconnecting = Task.Run(ReconnectAsync);
            }
        }

        return Task.CompletedTask;
    }

    private async Task ReconnectAsync()
    {
        var wait = Settings.ReconnectMinimum;
        while (!_stopping.IsCancellationRequested && !_client.IsConnected)
        {
            try
            {
                await Task.Delay(wait, Time, _stopping.Token).ConfigureAwait(false);
                await ConnectAndSubscribeAsync(_stopping.Token).ConfigureAwait(false);
                Reconnections++;
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (MqttCellException)
            {
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, Settings.ReconnectMaximum.Ticks));
            }
        }
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _heartbeat.Dispose();
        foreach (var device in _devices.Values)
        {
            device.Dispose();
        }

        _client.ApplicationMessageReceivedAsync -= OnMessage;
        _client.DisconnectedAsync -= OnDisconnected;
        if (_client.IsConnected)
        {
            try
            {
                _client.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // Closing a connection that is already failing: nothing left to tell the broker.
            }
        }

        if (_shouldDispose)
        {
            _client.Dispose();
        }
    }

    private void BeatAll()
    {
        // The dictionary's own enumerator: Values would take every lock and copy the proxies on each beat.
        foreach (var (_, device) in _devices)
        {
            device.Beat();
        }
    }

    /// <summary>A fraction of the period in [0, 1), the same for a cell every run (FNV-1a of its name).</summary>
    private static double HeartbeatPhase(string cell)
    {
        var hash = 2166136261u;
        foreach (var character in cell)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return (hash % 1000) / 1000.0;
    }
}

/// <summary>The cell cannot talk to its broker (unreachable, log-in refused, subscription refused).</summary>
public sealed class MqttCellException(string message, Exception? inner = null) : Exception(message, inner);
