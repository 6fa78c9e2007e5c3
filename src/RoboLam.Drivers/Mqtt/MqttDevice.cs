using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Drivers.Mqtt;

/// <summary>
/// The controller's proxy of one MQTT device, as an <see cref="IActuator"/> (it runs <see cref="DeviceOperation"/>
/// commands) and an <see cref="ISensor"/> (its availability and status). A command goes out once on <c>cmd</c>
/// (QoS 1, correlation data = command id, response topic = <c>ack</c>); no acknowledgement within the ack timeout
/// fails it; <c>progress</c> reports and ends it; the device going offline fails it. Nothing is sent while the
/// device is offline or unknown. An id already finished is answered from memory and never sent again.
/// </summary>
public sealed class MqttDevice : IActuator, ISensor
{
    private const int RememberedOutcomes = 256;

    private readonly MqttCell _cell;
    private readonly object _gate = new();
    private readonly Dictionary<string, CommandOutcome> _finished = new(StringComparer.Ordinal);
    private readonly Queue<string> _finishedOrder = new();
    private TaskCompletionSource _availabilityChanged = NewSignal();
    private Pending? _pending;
    private DeviceAvailability _availability = DeviceAvailability.Unknown;
    private string _status = "unknown";
    private string? _fault;
    private bool _disposed;

    internal MqttDevice(MqttCell cell, DeviceTopics topics)
    {
        _cell = cell;
        Topics = topics;
    }

    public string Name => Topics.Device;

    public DeviceTopics Topics { get; }

    public DeviceAvailability Availability
    {
        get
        {
            lock (_gate)
            {
                return _availability;
            }
        }
    }

    public ActuatorState State
    {
        get
        {
            lock (_gate)
            {
                return StateLocked();
            }
        }
    }

    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public event EventHandler<SensorReading>? ReadingChanged;

    /// <summary>The device answered the running command on its response topic (accepted or refused); for latency probes.</summary>
    public event EventHandler<CommandId>? Acknowledged;

    public IReadOnlyList<SensorReading> ReadAll()
    {
        lock (_gate)
        {
            return [ReadingLocked()];
        }
    }

    public async Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (command is not DeviceOperation operation)
        {
            return CommandOutcome.Refused(command.Id, $"MQTT device {Name} runs DeviceOperation commands, not {command.GetType().Name}");
        }

        Pending pending;
        lock (_gate)
        {
            if (_finished.TryGetValue(command.Id.Value, out var earlier))
            {
                return earlier with { WasDuplicate = true };
            }

            if (_pending is { } running)
            {
                var what = running.Command.Id == command.Id ? "already running it" : $"busy with {running.Command}";
                return CommandOutcome.Refused(command.Id, $"device {Name} is {what}");
            }

            pending = new Pending(operation);
            _pending = pending;
        }

        try
        {
            if (!await WaitUntilOnlineAsync(cancellationToken).ConfigureAwait(false))
            {
                var why = Availability == DeviceAvailability.Offline ? "offline" : "unknown (the controller has no broker connection)";
                return Finish(pending, CommandOutcome.Failed(command.Id, $"device {Name} is {why}; {operation} was not sent"));
            }

            pending.AckTimer = _cell.Time.CreateTimer(_ => AckTimedOut(pending), null, _cell.Settings.AckTimeout, Timeout.InfiniteTimeSpan);
            await SendAsync(pending, cancellationToken).ConfigureAwait(false);
            using (cancellationToken.Register(() => pending.Done.TrySetCanceled(cancellationToken)))
            {
                return await pending.Done.Task.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            await PublishStopAsync("the command was cancelled", CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (_pending == pending)
                {
                    _pending = null;
                }
            }

            throw;
        }
    }

    public async Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Pending? pending;
        lock (_gate)
        {
            pending = _pending;
        }

        await PublishStopAsync(request.Reason, cancellationToken).ConfigureAwait(false);
        if (pending is not null)
        {
            // The device answers the running command with "stopped"; do not wait for a device that cannot hear us.
            await Task.WhenAny(pending.Done.Task, Task.Delay(_cell.Settings.StopWait, _cell.Time, cancellationToken)).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_gate)
        {
            _pending?.Done.TrySetResult(CommandOutcome.Failed(_pending.Command.Id, $"the proxy of device {Name} was closed"));
        }
    }

    /// <summary>A message on one of this device's topics (<paramref name="kind"/> is the last topic level).</summary>
    internal void Receive(string kind, byte[] payload, byte[]? correlation)
    {
        switch (kind)
        {
            case "availability":
                OnAvailability(Encoding.UTF8.GetString(payload).Trim());
                break;
            case "state" when DeviceMessages.Decode<StateMessage>(payload) is { } state:
                OnState(state);
                break;
            case "ack" when DeviceMessages.Decode<AckMessage>(payload) is { } ack:
                OnAck(ack, correlation);
                break;
            case "progress" when DeviceMessages.Decode<ProgressMessage>(payload) is { } progress:
                OnProgress(progress);
                break;
        }
    }

    internal void BrokerLost() => SetAvailability(DeviceAvailability.Unknown);

    /// <summary>Back on the broker: retained messages re-sync availability and state; an unanswered command goes out again, same id.</summary>
    internal void BrokerFound()
    {
        Pending? pending;
        lock (_gate)
        {
            pending = _pending;
        }

        if (pending is { Sent: true })
        {
            _ = SendAsync(pending, CancellationToken.None);
        }
    }

    private async Task SendAsync(Pending pending, CancellationToken cancellationToken)
    {
        var operation = pending.Command;
        var payload = new CommandMessage(operation.Id.Value, operation.Operation, operation.Arguments, operation.Limit.Seconds);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Command)
            .WithPayload(DeviceMessages.Encode(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData(Encoding.UTF8.GetBytes(operation.Id.Value))
            .WithResponseTopic(Topics.Ack)
            .Build();
        pending.Sent = true;
        await _cell.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishStopAsync(string reason, CancellationToken cancellationToken)
    {
        var payload = new CommandMessage($"stop-{Guid.NewGuid():N}", DeviceMessages.StopOperation, [reason], 0);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Command)
            .WithPayload(DeviceMessages.Encode(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData(Encoding.UTF8.GetBytes(payload.Id))
            .WithResponseTopic(Topics.Ack)
            .Build();
        await _cell.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> WaitUntilOnlineAsync(CancellationToken cancellationToken)
    {
        var until = _cell.Time.GetUtcNow() + _cell.Settings.AckTimeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_availability == DeviceAvailability.Online)
                {
                    return true;
                }

                signal = _availabilityChanged.Task;
            }

            var left = until - _cell.Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(signal, Task.Delay(left, _cell.Time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void OnAvailability(string text)
    {
        var availability = text == DeviceMessages.Online ? DeviceAvailability.Online : DeviceAvailability.Offline;
        SetAvailability(availability);
        if (availability == DeviceAvailability.Offline)
        {
            FailPending(id => CommandOutcome.Failed(id, $"device {Name} went offline while running the command; its outcome is unknown"));
        }
    }

    private void SetAvailability(DeviceAvailability availability)
    {
        TaskCompletionSource signal;
        SensorReading reading;
        lock (_gate)
        {
            if (_availability == availability)
            {
                return;
            }

            _availability = availability;
            signal = _availabilityChanged;
            _availabilityChanged = NewSignal();
            reading = ReadingLocked();
        }

        signal.TrySetResult();
        ReadingChanged?.Invoke(this, reading);
    }

    private void OnState(StateMessage state)
    {
        SensorReading reading;
        Pending? pending;
        lock (_gate)
        {
            _status = state.Status;
            _fault = state.Status is "jammed" or "faulted" ? state.Reason ?? state.Status : null;
            reading = ReadingLocked();
            pending = _pending;
        }

        ReadingChanged?.Invoke(this, reading);

        // Re-sync: a result published while we were away is in the retained state.
        if (pending is not null && state.Command == pending.Command.Id.Value && state.Outcome is { } outcome && ProgressStatus.IsFinal(outcome))
        {
            Finish(pending, ToOutcome(pending.Command.Id, outcome, state.Reason));
        }
    }

    private void OnAck(AckMessage ack, byte[]? correlation)
    {
        var id = correlation is { Length: > 0 } ? Encoding.UTF8.GetString(correlation) : ack.Id;
        Pending? pending;
        lock (_gate)
        {
            pending = _pending is { } current && current.Command.Id.Value == id ? current : null;
        }

        if (pending is null)
        {
            return;
        }

        Acknowledged?.Invoke(this, pending.Command.Id);
        if (ack.Accepted)
        {
            pending.Acked = true;
            pending.AckTimer?.Dispose();
            return;
        }

        // A faulted device failed; a busy or invalid answer means nothing was done.
        var reason = $"device {Name} refused {pending.Command}: {ack.Reason ?? ack.Code ?? "no reason given"}";
        Finish(pending, ack.Code == "faulted" ? CommandOutcome.Failed(pending.Command.Id, reason) : CommandOutcome.Refused(pending.Command.Id, reason));
    }

    private void OnProgress(ProgressMessage progress)
    {
        Pending? pending;
        lock (_gate)
        {
            pending = _pending is { } current && current.Command.Id.Value == progress.Id ? current : null;
        }

        if (pending is null)
        {
            return;
        }

        pending.Acked = true;
        pending.AckTimer?.Dispose();
        var status = progress.Status switch
        {
            ProgressStatus.Started => FeedbackStatus.Started,
            ProgressStatus.Completed => FeedbackStatus.Completed,
            ProgressStatus.Failed => FeedbackStatus.Failed,
            ProgressStatus.Stopped => FeedbackStatus.Stopped,
            _ => FeedbackStatus.Progress,
        };
        Feedback?.Invoke(this, new ActuatorFeedback(Name, pending.Command.Id, progress.Completion, status, _cell.Time.GetUtcNow()));
        if (ProgressStatus.IsFinal(progress.Status))
        {
            Finish(pending, ToOutcome(pending.Command.Id, progress.Status, progress.Reason));
        }
    }

    private CommandOutcome ToOutcome(CommandId id, string status, string? reason) => status switch
    {
        ProgressStatus.Completed => CommandOutcome.Completed(id),
        ProgressStatus.Stopped => CommandOutcome.Stopped(id, $"device {Name}: {reason ?? "stopped"}"),
        _ => CommandOutcome.Failed(id, $"device {Name}: {reason ?? "failed"}"),
    };

    private void AckTimedOut(Pending pending)
    {
        if (!pending.Acked)
        {
            Finish(pending, CommandOutcome.Failed(
                pending.Command.Id,
                $"device {Name} did not acknowledge {pending.Command} within {_cell.Settings.AckTimeout.TotalSeconds:0.###} s"));
        }
    }

    private void FailPending(Func<CommandId, CommandOutcome> outcome)
    {
        Pending? pending;
        lock (_gate)
        {
            pending = _pending;
        }

        if (pending is not null)
        {
            Finish(pending, outcome(pending.Command.Id));
        }
    }

    private CommandOutcome Finish(Pending pending, CommandOutcome outcome)
    {
        lock (_gate)
        {
            if (_pending != pending)
            {
                return pending.Done.Task.IsCompletedSuccessfully ? pending.Done.Task.Result : outcome;
            }

            _pending = null;
            _finished[outcome.Id.Value] = outcome;
            _finishedOrder.Enqueue(outcome.Id.Value);
            if (_finishedOrder.Count > RememberedOutcomes)
            {
                _finished.Remove(_finishedOrder.Dequeue());
            }
        }

        pending.AckTimer?.Dispose();
        pending.Done.TrySetResult(outcome);
        return outcome;
    }

    /// <summary>Tells the runtime and the watchdog the device is reachable (the cell's heartbeat timer calls it each period).</summary>
    internal void Beat()
    {
        Heartbeat? beat;
        lock (_gate)
        {
            // Silence only while unknown: an offline device is a known state, not a lost one. A jam is a process
            // fault, told by command outcomes and the status reading, so it does not fault the whole cell (see README).
            var state = StateLocked() == ActuatorState.Faulted ? ActuatorState.Stopped : StateLocked();
            beat = _availability == DeviceAvailability.Unknown || _disposed ? null : new Heartbeat(Name, _cell.Time.GetUtcNow(), state);
        }

        if (beat is not null)
        {
            Heartbeat?.Invoke(this, beat);
        }
    }

    private ActuatorState StateLocked() => _availability != DeviceAvailability.Online ? ActuatorState.Stopped
        : _fault is not null ? ActuatorState.Faulted
        : _pending is not null ? ActuatorState.Busy
        : ActuatorState.Idle;

    private DeviceStatusReading ReadingLocked() => new(Name, _cell.Time.GetUtcNow(), _availability, _status, _fault);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Pending(DeviceOperation command)
    {
        public DeviceOperation Command { get; } = command;

        public TaskCompletionSource<CommandOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? AckTimer { get; set; }

        public volatile bool Acked;

        public volatile bool Sent;
    }
}
