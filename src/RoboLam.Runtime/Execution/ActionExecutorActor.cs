using System.Diagnostics;
using Akka.Actor;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Telemetry;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Execution;

/// <summary>
/// Runs one action of a plan: wait until its precondition holds in the live world → ask the safety gate →
/// command the device → follow progress and heartbeats (the gate is asked again on every tick) → have the world
/// model confirm the effects against sensing and apply them. A silent device, a deadline overrun or a refusal
/// stops the device and fails the action; the command is never sent twice.
/// </summary>
public sealed class ActionExecutorActor : ReceiveActor, IWithTimers
{
    private readonly PlanStep _step;
    private readonly ExecutorContext _context;
    private readonly IActorRef _device;
    private readonly string? _traceParent;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _readyAt;
    private bool _waitedForWorld;
    private GroundAction? _action;
    private WorldState? _world;
    private WorldState? _worldAtDispatch;
    private string? _unmetPrecondition;
    private long _dispatchedAt;
    private Activity? _activity;

    public ActionExecutorActor(PlanStep step, ExecutorContext context, IActorRef device, string? traceParent)
    {
        _step = step;
        _context = context;
        _device = device;
        _traceParent = traceParent;
        WaitingForPrecondition();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PlanStep step, ExecutorContext context, IActorRef device, string? traceParent = null) =>
        Akka.Actor.Props.Create(() => new ActionExecutorActor(step, context, device, traceParent));

    protected override void PreStart()
    {
        _activity = RuntimeTelemetry.StartActivity("robolam.action", _traceParent);
        _activity?.SetTag("robolam.action", _step.Action.ToString());
        _activity?.SetTag("robolam.action.id", _step.ActionId);
        _activity?.SetTag("robolam.device", _step.DeviceId);
        try
        {
            _action = _context.Domain.Ground(_step.Action);
        }
        catch (ExecutionModelException exception)
        {
            Fail(FailureKind.InternalError, exception.Message);
            return;
        }

        Context.Watch(_device);
        _context.WorldModel.Tell(new SubscribeToWorld(_step.ActionId));
        Timers.StartSingleTimer("precondition", new PreconditionTimedOut(), _context.Settings.PreconditionTimeout);
    }

    protected override void PostStop()
    {
        _context.WorldModel.Tell(new UnsubscribeFromWorld(_step.ActionId));
        _activity?.Dispose();
    }

    private void WaitingForPrecondition()
    {
        Receive<WorldChanged>(HandleWorldWhileWaiting);
        Receive<PreconditionTimedOut>(_ => Fail(
            FailureKind.PreconditionTimeout,
            $"{_step.Action}: precondition did not hold within {Seconds(_context.Settings.PreconditionTimeout)}: {_unmetPrecondition ?? "no world state arrived"}"));
        Receive<StopAction>(message => Fail(FailureKind.Stopped, $"{_step.Action} was not started: {message.Reason}"));
        Receive<Terminated>(_ => Fail(FailureKind.DeviceFailed, $"device {_step.DeviceId} stopped before {_step.Action} could start"));
    }

    private void HandleWorldWhileWaiting(WorldChanged message)
    {
        _world = message.World;
        _unmetPrecondition = _action!.UnmetPrecondition(_world);
        if (_unmetPrecondition is not null)
        {
            _waitedForWorld = true;
            return;
        }

        // Dispatch latency is the runtime's own overhead: a wait for the world to make the precondition true is
        // measured on its own, and the action may start from the change that made it true.
        _readyAt = _startedAt;
        if (_waitedForWorld)
        {
            _readyAt = Stopwatch.GetTimestamp();
            RuntimeTelemetry.PreconditionWait.Record(Stopwatch.GetElapsedTime(_startedAt, _readyAt).TotalMilliseconds, DeviceTag);
        }

        Dispatch();
    }

    private void Dispatch()
    {
        Timers.Cancel("precondition");
        var decision = _context.Gate.Review(new SafetyReview(SafetyPhase.BeforeDispatch, _step.ActionId, _step.Action, _step.DeviceId, _world!));
        if (!decision.Allowed)
        {
            Fail(FailureKind.SafetyRefused, $"the safety gate refused {_step.Action}: {decision.Reason}");
            return;
        }

        _worldAtDispatch = _world;
        _device.Tell(new ExecuteAction(_step.ActionId, _step.Action, _world!, RuntimeTelemetry.TraceParentOf(_activity)));
        _dispatchedAt = Stopwatch.GetTimestamp();
        RuntimeTelemetry.DispatchLatency.Record(Stopwatch.GetElapsedTime(_readyAt, _dispatchedAt).TotalMilliseconds, DeviceTag);
        Context.Parent.Tell(new ActionDispatched(_step.ActionId, _step.Action, _step.DeviceId));
        Timers.StartSingleTimer("heartbeat", new HeartbeatTimedOut(), _context.Settings.HeartbeatTimeout);
        Timers.StartSingleTimer("deadline", new DeadlineReached(), _step.Deadline);
        Become(Executing);
    }

    private void Executing()
    {
        Receive<WorldChanged>(message => _world = message.World);
        Receive<ActionProgress>(HandleProgress);
        Receive<DeviceHeartbeat>(HandleHeartbeat);
        Receive<ActionFinished>(HandleFinished);
        Receive<HeartbeatTimedOut>(_ => StopDeviceThenFail(
            FailureKind.HeartbeatLost,
            $"{_step.Action}: no heartbeat from device {_step.DeviceId} for {Seconds(_context.Settings.HeartbeatTimeout)}"));
        Receive<DeadlineReached>(_ => StopDeviceThenFail(
            FailureKind.DeadlineOverrun,
            $"{_step.Action} on device {_step.DeviceId} ran past its deadline of {Seconds(_step.Deadline)}"));
        Receive<StopAction>(message => StopDeviceThenFail(FailureKind.Stopped, $"{_step.Action} was stopped: {message.Reason}"));
        Receive<Terminated>(_ => Fail(FailureKind.DeviceFailed, $"device {_step.DeviceId} stopped while running {_step.Action}"));
    }

    private void HandleProgress(ActionProgress message)
    {
        Timers.StartSingleTimer("heartbeat", new HeartbeatTimedOut(), _context.Settings.HeartbeatTimeout);
        var decision = _context.Gate.Review(new SafetyReview(SafetyPhase.WhileRunning, _step.ActionId, _step.Action, _step.DeviceId, _world!, message));
        if (!decision.Allowed)
        {
            StopDeviceThenFail(FailureKind.SafetyRefused, $"the safety gate stopped {_step.Action} at {message.Completion:P0}: {decision.Reason}");
        }
    }

    private void HandleHeartbeat(DeviceHeartbeat message)
    {
        Timers.StartSingleTimer("heartbeat", new HeartbeatTimedOut(), _context.Settings.HeartbeatTimeout);
        if (message.Fault is not null)
        {
            StopDeviceThenFail(FailureKind.DeviceFailed, $"device {_step.DeviceId} reported a fault during {_step.Action}: {message.Fault}");
        }
    }

    private void HandleFinished(ActionFinished message)
    {
        Timers.Cancel("heartbeat");
        Timers.Cancel("deadline");
        var reason = message.Reason ?? message.Status.ToString();
        switch (message.Status)
        {
            case CommandStatus.Completed:
                var expected = _action!.PredictEffects(_worldAtDispatch!);
                _context.WorldModel.Tell(new ConfirmEffects(_step.ActionId, expected, _context.Settings.EffectSettleTime));
                Become(ConfirmingEffects);
                break;
            case CommandStatus.Stopped:
                Fail(FailureKind.SafetyStop, $"device {_step.DeviceId} stopped {_step.Action}: {reason}");
                break;
            case CommandStatus.Refused:
                Fail(FailureKind.DeviceRefused, $"device {_step.DeviceId} refused {_step.Action}: {reason}");
                break;
            default:
                Fail(FailureKind.DeviceFailed, $"device {_step.DeviceId} failed {_step.Action}: {reason}");
                break;
        }
    }

    private void ConfirmingEffects()
    {
        Receive<EffectsConfirmed>(_ => Succeed());
        Receive<EffectsNotSensed>(message => Fail(
            FailureKind.EffectsNotSensed,
            $"{_step.Action} finished but the sensed world differs: {string.Join("; ", message.Mismatches)}"));

        // The device is done and idle; a stop request changes nothing now, the confirmation is bounded by the settle time.
        Receive<StopAction>(_ => { });
        Receive<WorldChanged>(_ => { });
        Receive<Terminated>(_ => { });
    }

    private void StopDeviceThenFail(FailureKind kind, string reason)
    {
        Timers.Cancel("heartbeat");
        Timers.Cancel("deadline");
        _device.Tell(new StopDevice(_step.ActionId, StopCategory.Controlled, reason));
        Timers.StartSingleTimer("stop", new StopTimedOut(), _context.Settings.StopTimeout);
        Become(() => Stopping(kind, reason));
    }

    private void Stopping(FailureKind kind, string reason)
    {
        Receive<DeviceStopped>(_ => Fail(kind, reason));
        Receive<StopTimedOut>(_ => Fail(kind, $"{reason}; device {_step.DeviceId} did not confirm its stop within {Seconds(_context.Settings.StopTimeout)}"));
        Receive<Terminated>(_ => Fail(kind, $"{reason}; device {_step.DeviceId} stopped"));

        // The command's own end (stopped) and late progress say nothing new while the stop is confirmed.
        Receive<ActionFinished>(_ => { });
        Receive<ActionProgress>(_ => { });
        Receive<DeviceHeartbeat>(_ => { });
        Receive<StopAction>(_ => { });
        Receive<WorldChanged>(_ => { });
    }

    private void Succeed()
    {
        var duration = Stopwatch.GetElapsedTime(_dispatchedAt);
        RuntimeTelemetry.ActionDuration.Record(duration.TotalMilliseconds, DeviceTag, ResultTag("completed"));
        RuntimeTelemetry.ActionsEnded.Add(1, DeviceTag, ResultTag("completed"));
        Context.Parent.Tell(new ActionCompleted(_step.ActionId, _step.Action, _step.DeviceId, duration));
        Context.Stop(Self);
    }

    private void Fail(FailureKind kind, string reason)
    {
        if (_dispatchedAt != 0)
        {
            RuntimeTelemetry.ActionDuration.Record(Stopwatch.GetElapsedTime(_dispatchedAt).TotalMilliseconds, DeviceTag, ResultTag(kind.ToString()));
        }

        RuntimeTelemetry.ActionsEnded.Add(1, DeviceTag, ResultTag(kind.ToString()));
        _activity?.SetStatus(ActivityStatusCode.Error, reason);
        Context.Parent.Tell(new ActionFailed(_step.ActionId, _step.Action, _step.DeviceId, new ActionFailure(kind, reason)));
        Become(Stopped);
        Context.Stop(Self);
    }

    private void Stopped()
    {
        ReceiveAny(_ => { });
    }

    private KeyValuePair<string, object?> DeviceTag => new(RuntimeTelemetry.DeviceTag, _step.DeviceId);

    private static KeyValuePair<string, object?> ResultTag(string result) => new(RuntimeTelemetry.ResultTag, result);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";

    private sealed record PreconditionTimedOut;

    private sealed record HeartbeatTimedOut;

    private sealed record DeadlineReached;

    private sealed record StopTimedOut;
}

/// <summary>What every executor of one controller shares.</summary>
public sealed record ExecutorContext(DomainModel Domain, IActorRef WorldModel, ISafetyGate Gate, ExecutionSettings Settings);
