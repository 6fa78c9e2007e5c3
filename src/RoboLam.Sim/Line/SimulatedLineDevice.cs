using System.Buffers;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Sim.Line;

/// <summary>
/// A simulated line device that is a real MQTT client speaking the device protocol: it takes commands on its
/// <c>cmd</c> topic, answers on the response topic with the correlation data, reports progress, keeps its state
/// retained and announces itself online (its will says offline). Command ids are deduplicated: a retried id is
/// acknowledged as a duplicate and its outcome repeated; it never runs twice. One operation at a time.
/// </summary>
public sealed class SimulatedLineDevice : IAsyncDisposable
{
    private const int ProgressTicks = 4;

    /// <summary>As many as the controller's proxy remembers (<c>MqttDevice</c>); a long run's memory stays this size.</summary>
    public const int RememberedCommands = 256;

    private readonly Func<IMqttClient> _createClient;
    private readonly MqttClientOptions _options;
    private readonly LineFloor _floor;
    private readonly double _timeScale;
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly RecentCommands _recent = new(RememberedCommands);
    private readonly CancellationTokenSource _disposing = new();
    private IMqttClient? _client;
    private Running? _running;
    private string _status = "idle";
    private string? _lastCommand;
    private string? _lastOutcome;
    private string? _lastReason;
    private long _operations;
    private int _started;
    private int _duplicates;
    private bool _offline;
    private int _reconnecting;

    /// <param name="createClient">Makes a fresh client: dropping off the network abandons the old one.</param>
    /// <param name="options">Client options with this device's log-in and its will (RoboLam.Drivers' options factory makes them).</param>
    /// <param name="timeScale">Simulated seconds per real second: 0.1 runs ten times faster than the profile says.</param>
    public SimulatedLineDevice(Func<IMqttClient> createClient, MqttClientOptions options, DeviceTopics topics, DeviceProfile profile, LineFloor floor, double timeScale = 1.0, int seed = 1, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        _createClient = createClient;
        _options = options;
        Topics = topics;
        Profile = profile;
        _floor = floor;
        _timeScale = timeScale;
        // Not HashCode.Combine: it is salted per process, and a scenario must draw the same rejects every run.
        _random = new Random(unchecked((seed * 7919) + StableHash(profile.Name)));
        _time = timeProvider ?? TimeProvider.System;
    }

    public DeviceTopics Topics { get; }

    public DeviceProfile Profile { get; }

    /// <summary>Operations started since the device was made, each command once (a repeated id is answered, not run).</summary>
    public long OperationsStarted => Volatile.Read(ref _started);

    /// <summary>Commands that ran although their id was still remembered as run: each one acted twice (never, unless deduplication broke).</summary>
    public long RunAgain
    {
        get
        {
            lock (_gate)
            {
                return _recent.RunAgain;
            }
        }
    }

    /// <summary>How many times a command ran here: 1 once it started, 0 if it never did (or is forgotten, <see cref="RememberedCommands"/> commands later).</summary>
    public int TimesRun(string commandId)
    {
        lock (_gate)
        {
            return _recent.TimesRun(commandId);
        }
    }

    /// <summary>Commands that arrived again under an id already seen.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public long CompletedOperations => Interlocked.Read(ref _operations);

    public bool IsConnected => _client?.IsConnected ?? false;

    /// <summary>A command arrived from the broker (raised with its id on the client's thread, before it is handled; for latency probes).</summary>
    public event EventHandler<string>? CommandReceived;

    /// <summary>The broker took the device's ack of a command (its PUBACK came back; raised with the command's id, for latency probes).</summary>
    public event EventHandler<string>? AckTaken;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops off the network without a goodbye, so the broker publishes the will (offline).</summary>
    public void DropOffline()
    {
        IMqttClient? client;
        lock (_gate)
        {
            _offline = true;
            client = _client;
            _client = null;
        }

        if (client is not null)
        {
            client.DisconnectedAsync -= OnDisconnected;
            client.ApplicationMessageReceivedAsync -= OnMessage;
            client.Dispose();
        }
    }

    /// <summary>Back on the network after <see cref="DropOffline"/>.</summary>
    public async Task ComeBackAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _offline = false;
        }

        await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }

        client.DisconnectedAsync -= OnDisconnected;
        client.ApplicationMessageReceivedAsync -= OnMessage;
        if (client.IsConnected)
        {
            try
            {
                await PublishAsync(client, Topics.Availability, Encoding.UTF8.GetBytes(DeviceMessages.Offline), retain: true).ConfigureAwait(false);
                await client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
            {
                // Already gone: the broker publishes the will instead.
            }
        }

        client.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var client = _createClient();
        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"simulated device {Profile.Name}: the broker refused its log-in ({result.ResultCode}); check the device's user name and password");
        }

        client.ApplicationMessageReceivedAsync += OnMessage;
        client.DisconnectedAsync += OnDisconnected;

        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topics.Command, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
        IMqttClient? previous;
        lock (_gate)
        {
            previous = _client;
            _client = client;
        }

        if (previous is not null && previous != client)
        {
            previous.DisconnectedAsync -= OnDisconnected;
            previous.ApplicationMessageReceivedAsync -= OnMessage;
            previous.Dispose();
        }

        await PublishStateAsync().ConfigureAwait(false);
        await PublishAsync(client, Topics.Availability, Encoding.UTF8.GetBytes(DeviceMessages.Online), retain: true).ConfigureAwait(false);
    }

    /// <summary>The broker went away: one loop tries again every 200 ms (real devices reconnect by themselves too).</summary>
    private async Task OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        // A failed connect attempt also raises this; only the loss of a live connection starts the loop.
        if (!args.ClientWasConnected || Interlocked.Exchange(ref _reconnecting, 1) == 1)
        {
            return;
        }

        try
        {
            while (!_disposing.IsCancellationRequested)
            {
                lock (_gate)
                {
                    if (_offline || _client is { IsConnected: true })
                    {
                        return;
                    }
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _time, _disposing.Token).ConfigureAwait(false);
                    await ConnectAsync(_disposing.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or System.Net.Sockets.SocketException)
                {
                    // The broker is still away; try again.
                }
            }
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
        }
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var payload = message.Payload;
        var command = DeviceMessages.Decode<CommandMessage>(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
        if (command is null || string.IsNullOrWhiteSpace(command.Id))
        {
            return Task.CompletedTask;
        }

        CommandReceived?.Invoke(this, command.Id);
        var reply = new Reply(message.ResponseTopic ?? Topics.Ack, message.CorrelationData);
        _ = Task.Run(() => HandleCommandAsync(command, reply));
        return Task.CompletedTask;
    }

    private async Task HandleCommandAsync(CommandMessage command, Reply reply)
    {
        if (command.Operation == DeviceMessages.StopOperation)
        {
            Running? running;
            lock (_gate)
            {
                running = _running;
            }

            running?.Stop.Cancel();
            await AckAsync(reply, new AckMessage(command.Id, true)).ConfigureAwait(false);
            return;
        }

        AckMessage ack;
        ProgressMessage? repeat = null;
        Running? start = null;
        lock (_gate)
        {
            if (_recent.TimesRun(command.Id) > 0)
            {
                // Running now, or ended: a running one's outcome follows when it ends.
                Interlocked.Increment(ref _duplicates);
                ack = new AckMessage(command.Id, true, Duplicate: true);
                repeat = _recent.TryGetOutcome(command.Id, out var outcome) ? outcome : null;
            }
            else if (_status == "jammed")
            {
                ack = new AckMessage(command.Id, false, "faulted", $"{Profile.Name} is jammed: {_lastReason}");
            }
            else if (_running is { } busy)
            {
                ack = new AckMessage(command.Id, false, "busy", $"{Profile.Name} is busy with {busy.Id}");
            }
            else if (LineOperations.Check(Profile, _floor, command.Operation, command.Arguments) is { } invalid)
            {
                ack = new AckMessage(command.Id, false, "invalid", invalid);
            }
            else
            {
                start = new Running(command.Id, command.Operation, command.Arguments);
                _running = start;
                _recent.Started(command.Id);
                _status = "busy";
                _lastCommand = command.Id;
                _lastOutcome = ProgressStatus.Running;
                _lastReason = null;
                ack = new AckMessage(command.Id, true);
            }
        }

        if (await AckAsync(reply, ack).ConfigureAwait(false))
        {
            AckTaken?.Invoke(this, command.Id);
        }

        if (repeat is not null)
        {
            await PublishProgressAsync(repeat).ConfigureAwait(false);
        }

        if (start is not null)
        {
            await RunAsync(start).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(Running running)
    {
        var number = Interlocked.Increment(ref _started);
        var faults = Profile.Faults;
        var duration = Profile.Duration * faults.SlowFactor * _timeScale;

        // An instant operation (the scale run's devices) is over before anyone could watch it: the ack and the retained
        // state say everything, so the busy state and every progress message are skipped.
        var instant = duration <= TimeSpan.Zero;
        if (!instant)
        {
            await PublishStateAsync().ConfigureAwait(false);
            await PublishProgressAsync(new ProgressMessage(running.Id, 0, ProgressStatus.Started)).ConfigureAwait(false);
        }

        string status = ProgressStatus.Completed;
        string? reason = null;
        try
        {
            for (var tick = 1; tick <= ProgressTicks; tick++)
            {
                await Task.Delay(duration / ProgressTicks, _time, running.Stop.Token).ConfigureAwait(false);
                if (tick == ProgressTicks / 2 && faults.OfflineAt == number)
                {
                    await GoOfflineAsync(running).ConfigureAwait(false);
                    return;
                }

                if (tick < ProgressTicks && !instant)
                {
                    await PublishProgressAsync(new ProgressMessage(running.Id, (double)tick / ProgressTicks, ProgressStatus.Running)).ConfigureAwait(false);
                }
            }

            if (faults.JamAt == number)
            {
                (status, reason) = (ProgressStatus.Failed, $"{Profile.Name} jammed during {running.Describe()}");
            }
            else if (Profile.Kind == LineDeviceKind.InspectionCamera && NextDouble() < faults.RejectRate)
            {
                (status, reason) = (ProgressStatus.Failed, $"{running.Arguments[0]} rejected by {Profile.Name}: coating defect");
            }
            else
            {
                LineOperations.Apply(_floor, running.Operation, running.Arguments);
                Interlocked.Increment(ref _operations);
            }
        }
        catch (OperationCanceledException) when (!_disposing.IsCancellationRequested)
        {
            (status, reason) = (ProgressStatus.Stopped, $"{running.Describe()} stopped on request; the part stays where it was");
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var final = new ProgressMessage(running.Id, status == ProgressStatus.Completed ? 1 : 0, status, reason);
        lock (_gate)
        {
            _running = null;
            _recent.Ended(running.Id, final);
            _status = reason is not null && status == ProgressStatus.Failed && faults.JamAt == number ? "jammed" : "idle";
            _lastOutcome = status;
            _lastReason = reason;
        }

        // The outcome first, then the retained state that repeats it for a controller that missed it. An instant
        // operation skips the final progress: the state right after the ack names the command and its outcome, and
        // the controller ends the command from it (one QoS 1 publish less per command; see the protocol in
        // RoboLam.Drivers' README). A repeated id still gets its final progress again.
        if (!instant)
        {
            await PublishProgressAsync(final).ConfigureAwait(false);
        }

        await PublishStateAsync().ConfigureAwait(false);
    }

    /// <summary>Network loss during an operation: the device halts it (it cannot report), vanishes, and may come back.</summary>
    private async Task GoOfflineAsync(Running running)
    {
        lock (_gate)
        {
            _running = null;
            var lost = new ProgressMessage(running.Id, 0, ProgressStatus.Failed, $"{Profile.Name} lost its network during {running.Describe()}");
            _recent.Ended(running.Id, lost);
            _status = "idle";
            _lastOutcome = ProgressStatus.Failed;
            _lastReason = lost.Reason;
        }

        DropOffline();
        if (Profile.Faults.OfflineFor is { } away)
        {
            await Task.Delay(away * _timeScale, _time, _disposing.Token).ConfigureAwait(false);
            await ComeBackAsync(_disposing.Token).ConfigureAwait(false);
        }
    }

    private double NextDouble()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }

    private Task PublishStateAsync()
    {
        StateMessage state;
        lock (_gate)
        {
            state = new StateMessage(_status, _lastCommand, _lastOutcome, _lastReason, Interlocked.Read(ref _operations));
        }

        return PublishAsync(_client, Topics.State, DeviceMessages.Encode(state), retain: true);
    }

    private Task PublishProgressAsync(ProgressMessage progress) =>
        PublishAsync(_client, Topics.Progress, DeviceMessages.Encode(progress), retain: false);

    private Task<bool> AckAsync(Reply reply, AckMessage ack)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(reply.Topic)
            .WithPayload(DeviceMessages.Encode(ack))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (reply.Correlation is { Length: > 0 })
        {
            builder = builder.WithCorrelationData(reply.Correlation);
        }

        return SendAsync(_client, builder.Build());
    }

    private static Task PublishAsync(IMqttClient? client, string topic, byte[] payload, bool retain) =>
        SendAsync(client, new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());

    /// <summary>A device that cannot publish keeps working; what it missed is in its retained state when it is back.</summary>
    /// <returns>Whether the broker took the message (for QoS 1, its PUBACK came back).</returns>
    private static async Task<bool> SendAsync(IMqttClient? client, MqttApplicationMessage message)
    {
        if (client is not { IsConnected: true })
        {
            return false;
        }

        try
        {
            await client.PublishAsync(message).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // Lost the broker mid-publish; the reconnect publishes the state again.
            return false;
        }
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var character in text)
        {
            hash = (hash * 31) + character;
        }

        return hash;
    }

    private sealed record Reply(string Topic, byte[]? Correlation);

    private sealed class Running(string id, string operation, IReadOnlyList<string> arguments)
    {
        public string Id { get; } = id;

        public string Operation { get; } = operation;

        public IReadOnlyList<string> Arguments { get; } = arguments;

        public CancellationTokenSource Stop { get; } = new();

        public string Describe() => $"{Operation} {string.Join(' ', Arguments)}";
    }
}
