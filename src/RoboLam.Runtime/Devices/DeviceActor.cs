using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Telemetry;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// Speaks to one device through <see cref="IActuator"/> and <see cref="ISensor"/>: runs an action's commands one
/// after the other, relays feedback and heartbeats to the action's executor, forwards readings to the world
/// model, and stops the device on request. One action at a time; an action id it has finished is answered with
/// the earlier result and never run again.
/// </summary>
public sealed class DeviceActor : ReceiveActor
{
    private const int RememberedActions = 256;

    private readonly DeviceSetup _setup;
    private readonly IActorRef _worldModel;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, ActionFinished> _finished = new(StringComparer.Ordinal);
    private readonly Queue<string> _finishedOrder = new();
    private readonly EventHandler<ActuatorFeedback> _onFeedback;
    private readonly EventHandler<Heartbeat> _onHeartbeat;
    private readonly EventHandler<SensorReading> _onReading;
    private RunningAction? _running;

    public DeviceActor(DeviceSetup setup, IActorRef worldModel)
    {
        _setup = setup;
        _worldModel = worldModel;
        var self = Self;

        // Device events arrive on driver threads: they only become messages, the actor does the rest.
        _onFeedback = (_, feedback) => self.Tell(new FeedbackRaised(feedback));
        _onHeartbeat = (_, heartbeat) => self.Tell(new HeartbeatRaised(heartbeat));
        _onReading = (_, reading) => self.Tell(new ReadingRaised(reading));
        Receive<ExecuteAction>(HandleExecute);
        Receive<CommandEnded>(HandleCommandEnded);
        Receive<FeedbackRaised>(HandleFeedback);
        Receive<HeartbeatRaised>(HandleHeartbeat);
        Receive<ReadingRaised>(message => _worldModel.Tell(new SensorReadingReceived(_setup.DeviceId, message.Reading)));
        Receive<StopDevice>(HandleStop);
        Receive<StopCompleted>(message => message.ReplyTo.Tell(new DeviceStopped(message.RequestId, _setup.DeviceId)));
        Receive<DeviceFault>(message => throw new DeviceFaultException(DeviceId, message.Exception.Message, message.Exception));
    }

    public string DeviceId => _setup.DeviceId;

    public static Props Props(DeviceSetup setup, IActorRef worldModel) =>
        Akka.Actor.Props.Create(() => new DeviceActor(setup, worldModel));

    protected override void PreStart()
    {
        _setup.Actuator.Feedback += _onFeedback;
        _setup.Actuator.Heartbeat += _onHeartbeat;
        foreach (var sensor in _setup.Sensors)
        {
            sensor.ReadingChanged += _onReading;
            foreach (var reading in sensor.ReadAll())
            {
                _worldModel.Tell(new SensorReadingReceived(_setup.DeviceId, reading));
            }
        }
    }

    protected override void PostStop()
    {
        _setup.Actuator.Feedback -= _onFeedback;
        _setup.Actuator.Heartbeat -= _onHeartbeat;
        foreach (var sensor in _setup.Sensors)
        {
            sensor.ReadingChanged -= _onReading;
        }

        if (_running is { } running)
        {
            // Ending mid-action (stopped, restarted, the system going down) must not leave the device moving.
            StopQuietly(new StopRequest(StopCategory.Controlled, $"the actor of device {DeviceId} ended during {running.ActionId}"));
            running.EndCommandActivity("the device actor ended");
            running.Activity?.Dispose();
        }
    }

    private void StopQuietly(StopRequest request)
    {
        try
        {
            _setup.Actuator.StopAsync(request).ContinueWith(
                task => _ = task.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nobody is left to tell; the safety layer's own watchdogs still hold the device.
            _log.Error(exception, "Stopping device {0} as its actor ended failed", DeviceId);
        }
    }

    private void HandleExecute(ExecuteAction message)
    {
        if (_finished.TryGetValue(message.ActionId, out var earlier))
        {
            Sender.Tell(earlier with { WasDuplicate = true });
            return;
        }

        if (_running is not null)
        {
            var busy = _running.ActionId == message.ActionId ? "already running it" : $"busy with {_running.ActionId}";
            Sender.Tell(new ActionFinished(message.ActionId, DeviceId, CommandStatus.Refused, $"device {DeviceId} is {busy}"));
            return;
        }

        IReadOnlyList<ActuatorCommand> commands;
        try
        {
            commands = _setup.Commands.CommandsFor(message.ActionId, message.Action, message.World);
        }
        catch (Exception exception)
        {
            Remember(new ActionFinished(message.ActionId, DeviceId, CommandStatus.Refused, $"{message.Action} cannot be turned into commands: {exception.Message}"), Sender);
            return;
        }

        var activity = RuntimeTelemetry.StartActivity("robolam.device.action", message.TraceParent, ActivityKind.Client);
        activity?.SetTag("robolam.device", DeviceId);
        activity?.SetTag("robolam.action", message.Action.ToString());
        _running = new RunningAction(message.ActionId, Sender, commands, activity);
        Send(0);
    }

    private void Send(int index)
    {
        var running = _running!;
        running.Index = index;
        if (index == running.Commands.Count)
        {
            Finish(new ActionFinished(running.ActionId, DeviceId, CommandStatus.Completed));
            return;
        }

        var command = running.Commands[index];
        running.CommandActivity = RuntimeTelemetry.StartActivity("robolam.device.command", RuntimeTelemetry.TraceParentOf(running.Activity), ActivityKind.Client);
        running.CommandActivity?.SetTag("robolam.device", DeviceId);
        running.CommandActivity?.SetTag("robolam.command.id", command.Id.Value);
        running.CommandActivity?.SetTag("robolam.command", command.GetType().Name);
        var actionId = running.ActionId;
        _setup.Actuator.ExecuteAsync(command).PipeTo(
            Self,
            success: outcome => new CommandEnded(actionId, index, outcome, null),
            failure: exception => new CommandEnded(actionId, index, null, exception));
    }

    private void HandleCommandEnded(CommandEnded message)
    {
        if (_running is null || _running.ActionId != message.ActionId || _running.Index != message.Index)
        {
            return;
        }

        _running.EndCommandActivity(message.Outcome is { Succeeded: true } ? null : message.Outcome?.Reason ?? message.Exception?.Message ?? "failed");
        if (message.Outcome is { Succeeded: true })
        {
            Send(message.Index + 1);
            return;
        }

        if (message.Outcome is { } outcome)
        {
            Finish(new ActionFinished(message.ActionId, DeviceId, outcome.Status, outcome.Reason ?? outcome.Status.ToString()));
            return;
        }

        var exception = message.Exception is AggregateException { InnerException: { } inner } ? inner : message.Exception!;
        var status = exception is SafetyViolationException ? CommandStatus.Stopped : CommandStatus.Failed;
        Finish(new ActionFinished(message.ActionId, DeviceId, status, $"{exception.GetType().Name}: {exception.Message}"));

        // Let the supervisor decide: IO faults restart this actor, a safety violation stops it.
        Self.Tell(new DeviceFault(exception));
    }

    private void Finish(ActionFinished finished)
    {
        var running = _running!;
        running.Activity?.SetTag("robolam.device.status", finished.Status.ToString());
        if (finished.Status != CommandStatus.Completed)
        {
            running.Activity?.SetStatus(ActivityStatusCode.Error, finished.Reason);
        }

        running.Activity?.Dispose();
        _running = null;
        Remember(finished, running.ReplyTo);
    }

    private void Remember(ActionFinished finished, IActorRef replyTo)
    {
        _finished[finished.ActionId] = finished;
        _finishedOrder.Enqueue(finished.ActionId);
        if (_finishedOrder.Count > RememberedActions)
        {
            _finished.Remove(_finishedOrder.Dequeue());
        }

        replyTo.Tell(finished);
    }

    private void HandleFeedback(FeedbackRaised message)
    {
        if (_running is null)
        {
            return;
        }

        var feedback = message.Feedback;
        var overall = (_running.Index + Math.Clamp(feedback.Completion, 0, 1)) / Math.Max(1, _running.Commands.Count);
        _running.ReplyTo.Tell(new ActionProgress(_running.ActionId, DeviceId, overall, feedback.Status));
    }

    private void HandleHeartbeat(HeartbeatRaised message)
    {
        if (_running is not null)
        {
            var heartbeat = message.Heartbeat;
            _running.ReplyTo.Tell(new DeviceHeartbeat(_running.ActionId, DeviceId, heartbeat.State, heartbeat.Fault));
        }
    }

    private void HandleStop(StopDevice message)
    {
        _log.Info("Stopping device {0}: {1}", DeviceId, message.Reason);
        var replyTo = Sender;
        var requestId = message.RequestId;
        _setup.Actuator.StopAsync(new StopRequest(message.Category, message.Reason)).PipeTo(
            Self,
            success: () => new StopCompleted(requestId, replyTo),
            failure: exception =>
            {
                // A stop that throws still leaves the outputs as the safety layer left them; say so and go on.
                _log.Error(exception, "Stopping device {0} failed", DeviceId);
                return new StopCompleted(requestId, replyTo);
            });
    }

    private sealed class RunningAction(string actionId, IActorRef replyTo, IReadOnlyList<ActuatorCommand> commands, Activity? activity)
    {
        public string ActionId { get; } = actionId;

        public IActorRef ReplyTo { get; } = replyTo;

        public IReadOnlyList<ActuatorCommand> Commands { get; } = commands;

        public Activity? Activity { get; } = activity;

        public int Index { get; set; }

        /// <summary>The span of the actuator command now running; a child of the action's span on this device.</summary>
        public Activity? CommandActivity { get; set; }

        /// <param name="error">Null when the command succeeded.</param>
        public void EndCommandActivity(string? error)
        {
            if (error is not null)
            {
                CommandActivity?.SetStatus(ActivityStatusCode.Error, error);
            }

            CommandActivity?.Dispose();
            CommandActivity = null;
        }
    }

    private sealed record FeedbackRaised(ActuatorFeedback Feedback);

    private sealed record HeartbeatRaised(Heartbeat Heartbeat);

    private sealed record ReadingRaised(SensorReading Reading);

    private sealed record CommandEnded(string ActionId, int Index, CommandOutcome? Outcome, Exception? Exception);

    private sealed record StopCompleted(string RequestId, IActorRef ReplyTo);

    private sealed record DeviceFault(Exception Exception);
}
