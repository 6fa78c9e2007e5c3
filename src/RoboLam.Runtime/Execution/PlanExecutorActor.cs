using Akka.Actor;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Execution;

/// <summary>
/// Runs one plan: starts an action executor (<c>action-{actionId}</c>) for every step whose predecessors have
/// completed, so independent steps on different devices run at once. On the first failure, or when sensing
/// contradicts a fact the remaining steps rely on, it starts nothing more, stops the running steps (their devices
/// are brought to a safe state) and reports <see cref="PlanFailed"/> once all have ended.
/// </summary>
public sealed class PlanExecutorActor : ReceiveActor
{
    private readonly ExecutablePlan _plan;
    private readonly ExecutorContext _context;
    private readonly IReadOnlyDictionary<string, IActorRef> _devices;
    private readonly string? _traceParent;
    private readonly StepState[] _states;
    private readonly Dictionary<IActorRef, PlanStep> _running = [];
    private readonly List<string> _completed = [];
    private (string? ActionId, ActionFailure Failure)? _failure;
    private bool _reported;

    public PlanExecutorActor(ExecutablePlan plan, ExecutorContext context, IReadOnlyDictionary<string, IActorRef> devices, string? traceParent)
    {
        _plan = plan;
        _context = context;
        _devices = devices;
        _traceParent = traceParent;
        _states = new StepState[plan.Steps.Length];
        Receive<ActionDispatched>(message => Context.Parent.Tell(message));
        Receive<ActionCompleted>(HandleCompleted);
        Receive<ActionFailed>(HandleFailed);
        Receive<FactContradicted>(HandleContradiction);
        Receive<StopPlan>(message => BeginStopping(null, new ActionFailure(FailureKind.Stopped, message.Reason)));
        Receive<Terminated>(HandleTerminated);
    }

    private enum StepState
    {
        Waiting,
        Running,
        Completed,
        Abandoned,
    }

    public static Props Props(ExecutablePlan plan, ExecutorContext context, IReadOnlyDictionary<string, IActorRef> devices, string? traceParent = null) =>
        Akka.Actor.Props.Create(() => new PlanExecutorActor(plan, context, devices, traceParent));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // An executor that throws is a bug; it is stopped and its step counts as failed (see HandleTerminated).
        new OneForOneStrategy(exception => Directive.Stop);

    protected override void PreStart()
    {
        WatchRemainingFacts();
        StartReadySteps();
        ReportIfDone();
    }

    protected override void PostStop() => _context.WorldModel.Tell(new UnwatchFacts(_plan.PlanId));

    private void StartReadySteps()
    {
        if (_failure is not null)
        {
            return;
        }

        foreach (var step in _plan.Steps)
        {
            if (_states[step.Index] != StepState.Waiting || step.Predecessors.Any(index => _states[index] != StepState.Completed))
            {
                continue;
            }

            if (!_devices.TryGetValue(step.DeviceId, out var device))
            {
                _states[step.Index] = StepState.Abandoned;
                BeginStopping(step.ActionId, new ActionFailure(FailureKind.DeviceFailed, $"{step.Action}: there is no device \"{step.DeviceId}\""));
                return;
            }

            var executor = Context.ActorOf(ActionExecutorActor.Props(step, _context, device, _traceParent), ActorNames.For("action", step.ActionId));
            Context.Watch(executor);
            _running[executor] = step;
            _states[step.Index] = StepState.Running;
        }
    }

    private void HandleCompleted(ActionCompleted message)
    {
        if (!_running.Remove(Sender, out var step))
        {
            return;
        }

        Context.Unwatch(Sender);
        _states[step.Index] = StepState.Completed;
        _completed.Add(step.ActionId);
        Context.Parent.Tell(message);
        WatchRemainingFacts();
        StartReadySteps();
        ReportIfDone();
    }

    private void HandleFailed(ActionFailed message)
    {
        if (!_running.Remove(Sender, out var step))
        {
            return;
        }

        Context.Unwatch(Sender);
        _states[step.Index] = StepState.Abandoned;
        Context.Parent.Tell(message);
        BeginStopping(step.ActionId, message.Failure);
        ReportIfDone();
    }

    private void HandleTerminated(Terminated message)
    {
        if (_running.Remove(message.ActorRef, out var step))
        {
            _states[step.Index] = StepState.Abandoned;
            var failure = new ActionFailure(FailureKind.InternalError, $"the executor of {step.Action} crashed; see the log");
            Context.Parent.Tell(new ActionFailed(step.ActionId, step.Action, step.DeviceId, failure));
            BeginStopping(step.ActionId, failure);
            ReportIfDone();
        }
    }

    /// <summary>
    /// Sensing changed a fact that a step still to come relies on. A fact that a running step is about to change
    /// is that step's own doing and is judged when it completes.
    /// </summary>
    private void HandleContradiction(FactContradicted message)
    {
        if (_failure is not null || _running.Values.Any(step => step.Writes.Contains(message.Fact)))
        {
            return;
        }

        BeginStopping(null, new ActionFailure(FailureKind.WorldDiverged, message.Describe()));
        ReportIfDone();
    }

    private void BeginStopping(string? actionId, ActionFailure failure)
    {
        if (_failure is not null)
        {
            return;
        }

        _failure = (actionId, failure);
        foreach (var (executor, step) in _running)
        {
            executor.Tell(new StopAction(step.ActionId, $"the plan is stopping ({failure.Kind})"));
        }

        ReportIfDone();
    }

    private void ReportIfDone()
    {
        if (_running.Count > 0 || _reported)
        {
            return;
        }

        if (_failure is { } failure)
        {
            _reported = true;
            Context.Parent.Tell(new PlanFailed(_plan.PlanId, failure.ActionId, failure.Failure, _completed.ToArray()));
            Context.Stop(Self);
        }
        else if (_states.All(state => state == StepState.Completed))
        {
            _reported = true;
            Context.Parent.Tell(new PlanCompleted(_plan.PlanId, _completed.ToArray()));
            Context.Stop(Self);
        }
    }

    private void WatchRemainingFacts()
    {
        var facts = _plan.Steps.Where(step => _states[step.Index] is StepState.Waiting or StepState.Running)
            .SelectMany(step => step.Reads)
            .ToHashSet();
        _context.WorldModel.Tell(new WatchFacts(_plan.PlanId, facts));
    }
}
