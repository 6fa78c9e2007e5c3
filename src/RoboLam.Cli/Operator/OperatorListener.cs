using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Mqtt;
using RoboLam.Safety.EmergencyStop;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The live cell's MQTT side. An e-stop on <see cref="OperatorTopics.EmergencyStop"/> latches Safety's e-stop on the
/// receiving thread itself, never queued behind anything; a reset is the supervisor's explicit reset. Commands in
/// words are read one after another on a worker of their own, and every answer goes to the command's response topic
/// with its correlation data. While the broker connection is up the link beats a Safety device watchdog
/// (<see cref="LinkName"/>): losing the operator's e-stop channel stops the cell as a silent device would.
/// </summary>
internal sealed class OperatorListener : IAsyncDisposable
{
    /// <summary>The watchdog name of the operator's MQTT link in the Safety supervisor.</summary>
    public const string LinkName = "operator-link";

    private static readonly TimeSpan s_linkBeat = TimeSpan.FromMilliseconds(50);
    private readonly LiveArmCell _cell;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly TextWriter _log;
    private readonly Channel<(string Words, Reply Reply)> _commands = Channel.CreateUnbounded<(string, Reply)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<MqttApplicationMessage> _outgoing = Channel.CreateUnbounded<MqttApplicationMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _reconnectGate = new();
    private ITimer? _linkTimer;
    private Task? _worker;
    private Task? _writer;
    private Task? _reconnecting;
    private bool _started;

    public OperatorListener(LiveArmCell cell, IMqttClient client, MqttClientOptions options, OperatorTopics topics, TextWriter log)
    {
        _cell = cell;
        _client = client;
        _options = options;
        Topics = topics;
        _log = log;
        _client.ApplicationMessageReceivedAsync += OnMessage;
        _client.DisconnectedAsync += OnDisconnected;
        _cell.Supervisor.StopDemanded += (_, _) => PublishStatus();
    }

    public OperatorTopics Topics { get; }

    public bool IsConnected => _client.IsConnected;

    /// <exception cref="MqttCellException">The broker cannot be reached or refuses the log-in or a subscription.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await ConnectAndSubscribeAsync(cancellationToken).ConfigureAwait(false);
        var clock = _cell.Arm.Cell.Rig.Clock;
        _cell.Supervisor.RegisterDevice(LinkName, clock.GetUtcNow());
        _linkTimer = clock.CreateTimer(_ => BeatLink(), null, s_linkBeat, s_linkBeat);
        _worker = Task.Run(RunCommandsAsync);
        _writer = Task.Run(WriteAsync);
        _started = true;
        PublishStatus();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _linkTimer?.Dispose();
        _commands.Writer.TryComplete();
        _outgoing.Writer.TryComplete();
        _client.ApplicationMessageReceivedAsync -= OnMessage;
        _client.DisconnectedAsync -= OnDisconnected;
        foreach (var task in new[] { _worker, _writer }.OfType<Task>())
        {
            await task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _client.Dispose();
        _stopping.Dispose();
    }

    private void BeatLink()
    {
        if (_client.IsConnected)
        {
            var now = _cell.Arm.Cell.Rig.Clock.GetUtcNow();
            _cell.Supervisor.DeviceHeartbeat(new Heartbeat(LinkName, now, ActuatorState.Idle));
        }
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var text = message.ConvertPayloadToString() ?? string.Empty;
        var reply = new Reply(message.ResponseTopic is { } topic && Topics.IsReplyTopic(topic) ? topic : Topics.Replies, message.CorrelationData);
        if (message.Topic == Topics.EmergencyStop)
        {
            // First and on this thread: the latch must not wait for anything.
            var stopped = _cell.EmergencyStop(StopSource.Mqtt, text.Trim());
            Send(reply, stopped);
        }
        else if (message.Topic == Topics.Reset)
        {
            Send(reply, _cell.Reset());
            PublishStatus();
        }
        else if (message.Topic == Topics.Command)
        {
            if (message.ResponseTopic is { } asked && !Topics.IsReplyTopic(asked))
            {
                _log.WriteLine($"operator: the response topic \"{asked}\" is not under {Topics.Replies}/; answering on {Topics.Replies}");
            }

            _commands.Writer.TryWrite((text.Trim(), reply));
        }

        return Task.CompletedTask;
    }

    private async Task RunCommandsAsync()
    {
        await foreach (var (words, reply) in _commands.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                _cell.Command(words, answer => Send(reply, answer));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One bad command must not end the service: it is answered and logged.
                _log.WriteLine($"operator: internal error on \"{words}\": {exception.Message}");
                Send(reply, OperatorReply.Failure(OperatorReplyKind.Error, "internal error: " + exception.Message, ExitCodes.InternalError));
            }
        }
    }

    private void Send(Reply reply, OperatorReply answer)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(reply.Topic)
            .WithPayload(answer.Encode())
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (reply.Correlation is { Length: > 0 } correlation)
        {
            builder = builder.WithCorrelationData(correlation);
        }

        _outgoing.Writer.TryWrite(builder.Build());
    }

    private void PublishStatus()
    {
        var status = _cell.Status();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { mode = status.Mode.ToString(), causes = status.Causes.Select(cause => cause.Description).ToArray() });
        _outgoing.Writer.TryWrite(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Status)
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    /// <summary>Publishes in order from one task; what cannot be sent while the broker is away is dropped (the status is sent again on reconnect).</summary>
    private async Task WriteAsync()
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            if (!_client.IsConnected)
            {
                continue;
            }

            try
            {
                await _client.PublishAsync(message, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                _log.WriteLine($"operator: an answer on {message.Topic} was lost with the broker: {exception.Message}");
            }
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MqttCellException($"cannot reach the MQTT broker at {Where()}: {exception.Message}; check --broker and that the broker runs", exception);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttCellException($"the MQTT broker at {Where()} refused the controller's log-in: {result.ResultCode} {result.ReasonString}; check the user name and password");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.EmergencyStop, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.Reset, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.Command, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var subscribed = await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        if (subscribed.Items.FirstOrDefault(item => (int)item.ResultCode > 2) is { } refused)
        {
            throw new MqttCellException($"the MQTT broker at {Where()} refused the subscription to {refused.TopicFilter.Topic}: {refused.ResultCode}; check the broker's topic permissions");
        }
    }

    private string Where() => _options.ChannelOptions is MqttClientTcpOptions { RemoteEndpoint: System.Net.DnsEndPoint endpoint }
        ? $"{endpoint.Host}:{endpoint.Port}"
        : "the broker";

    private Task OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        if (!_started || _stopping.IsCancellationRequested || !args.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        _log.WriteLine($"operator: lost the broker ({args.Reason}); the link watchdog stops the cell until it is back and reset");
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
        var wait = TimeSpan.FromMilliseconds(200);
        while (!_stopping.IsCancellationRequested && !_client.IsConnected)
        {
            try
            {
                await Task.Delay(wait, _stopping.Token).ConfigureAwait(false);
                await ConnectAndSubscribeAsync(_stopping.Token).ConfigureAwait(false);
                _log.WriteLine("operator: the broker is back; reset the cell to move again");
                PublishStatus();
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (MqttCellException)
            {
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private sealed record Reply(string Topic, byte[]? Correlation);
}
