using System.Diagnostics;
using Akka.Actor;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Telemetry;

namespace RoboLam.Runtime.Goals;

/// <summary>
/// Carries one goal from acceptance to its outcome: plan from the world as it is → wait for the plan's devices
/// → execute → on failure or divergence, plan again from the sensed world (bounded), reporting every attempt.
/// After a safety stop it ends; nothing resumes by itself. Every step goes to the subscriber and the journal.
/// </summary>
public sealed class GoalActor : ReceiveActor
{
    private readonly SubmitGoal _goal;
    private readonly IActorRef _subscriber;
    private readonly GoalContext _context;
    private readonly List<AttemptReport> _attempts = [];
    private readonly List<string> _completedActions = [];
    private readonly HashSet<string> _grantedDevices = new(StringComparer.Ordinal);
    private Activity? _activity;
    private int _attempt;
    private int _planRequests;
    private string _currentRequest = string.Empty;
    private ExecutablePlan? _plan;
    private bool _refreshed;
    private string? _cancelReason;

    public GoalActor(SubmitGoal goal, IActorRef subscriber, GoalContext context)
    {
        _goal = goal;
        _subscriber = subscriber;
        _context = context;
    }

    public static Props Props(SubmitGoal goal, IActorRef subscriber, GoalContext context) =>
        Akka.Actor.Props.Create(() => new GoalActor(goal, subscriber, context));

    private string GoalId => _goal.GoalId;

    private string? TraceParent => RuntimeTelemetry.TraceParentOf(_activity) ?? _goal.TraceParent;

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A plan executor that throws is a bug: stop it; the goal hears Terminated and ends the attempt.
        new OneForOneStrategy(exception => Directive.Stop);

    protected override void PreStart()
    {
        _activity = RuntimeTelemetry.StartActivity("robolam.goal", _goal.TraceParent, ActivityKind.Server);
        _activity?.SetTag("robolam.goal.id", GoalId);
        _activity?.SetTag("robolam.goal", _goal.Goal.ToString());
        _context.Journal.Tell(new CommandAccepted(GoalId, _goal.Description, _goal.Goal.ToString(), DateTimeOffset.UtcNow));
        StartAttempt();
    }

    protected override void PostStop() => _activity?.Dispose();

    private void StartAttempt()
    {
        _attempt++;
        _refreshed = false;
        Emit(new PlanningStarted(GoalId, _attempt));
        RequestPlan();
    }

    private void RequestPlan()
    {
        _planRequests++;
        _currentRequest = $"{GoalId}.{_planRequests}";
        _context.Planner.Tell(new PlanGoal(_currentRequest, _goal.Goal, TraceParent));
        Become(Planning);
    }

    private void Planning()
    {
        Receive<PlanReady>(message => message.RequestId == _currentRequest, HandlePlanReady);
        Receive<NoPlanFound>(message => message.RequestId == _currentRequest, HandleNoPlan);
        Receive<CancelGoal>(message =>
        {
            _cancelReason = message.Reason;
            _context.Planner.Tell(new CancelPlanning(_currentRequest));
        });
        ReceiveAny(_ => { });
    }

    private void HandlePlanReady(PlanReady message)
    {
        if (_cancelReason is not null)
        {
            Conclude(GoalStatus.Cancelled, $"cancelled while planning: {_cancelReason}");
            return;
        }

        _plan = message.Plan;
        if (_plan.IsEmpty)
        {
            _attempts.Add(new AttemptReport(_attempt, _plan.PlanId, [], "the goal already holds"));
            Conclude(GoalStatus.Achieved, "the goal already holds; nothing to do");
            return;
        }

        if (_grantedDevices.IsSupersetOf(_plan.Devices))
        {
            Execute();
            return;
        }

        ReleaseDevices();
        Context.Parent.Tell(new DevicesWanted(GoalId, _plan.Devices.ToArray()));
        Become(WaitingForDevices);
    }

    private void HandleNoPlan(NoPlanFound message)
    {
        if (_cancelReason is not null || message.Outcome == Runtime.Planning.PlanningOutcome.Cancelled)
        {
            Conclude(GoalStatus.Cancelled, $"cancelled while planning: {_cancelReason ?? string.Join("; ", message.Reasons)}");
            return;
        }

        var reasons = string.Join("; ", message.Reasons);
        _attempts.Add(new AttemptReport(_attempt, null, [], $"no plan ({message.Outcome}): {reasons}"));
        Conclude(GoalStatus.NoPlan, $"no plan ({message.Outcome}): {reasons}");
    }

    private void WaitingForDevices()
    {
        Receive<GoalQueued>(Emit);
        Receive<DevicesGranted>(message =>
        {
            _grantedDevices.UnionWith(message.Devices);
            _context.WorldModel.Tell(new GetWorld(GoalId));
        });
        Receive<WorldSnapshot>(HandleWorldWhenGranted);
        Receive<CancelGoal>(message => Conclude(GoalStatus.Cancelled, $"cancelled while waiting for devices: {message.Reason}"));
        ReceiveAny(_ => { });
    }

    /// <summary>If the world moved while the goal waited for its devices, plan once more before moving anything.</summary>
    private void HandleWorldWhenGranted(WorldSnapshot message)
    {
        if (message.World.Version == _plan!.WorldVersion || _refreshed)
        {
            Execute();
            return;
        }

        _refreshed = true;
        RequestPlan();
    }

    private void Execute()
    {
        var plan = _plan!;
        Emit(new PlanAdopted(GoalId, _attempt, plan.PlanId, plan.Steps.Select(step => step.Action.ToString()).ToArray(), plan.Cost, plan.Configuration, plan.Width()));
        _context.Journal.Tell(new PlanRecorded(GoalId, plan.PlanId, plan.Steps.Select(step => step.Action.ToString()).ToArray()));
        var executor = Context.ActorOf(PlanExecutorActor.Props(plan, _context.Execution, _context.Devices, TraceParent), ActorNames.For("plan", plan.PlanId));
        Context.Watch(executor);
        Become(() => Executing(executor));
    }

    private void Executing(IActorRef executor)
    {
        Receive<ActionDispatched>(message =>
        {
            _context.Journal.Tell(new ActionDispatchRecorded(GoalId, message.ActionId, message.Action.ToString(), message.DeviceId));
            Emit(new GoalActionStarted(GoalId, message.ActionId, message.Action.ToString(), message.DeviceId));
        });
        Receive<ActionCompleted>(message =>
        {
            _completedActions.Add(message.Action.ToString());
            _context.Journal.Tell(new ActionConfirmationRecorded(GoalId, message.ActionId, message.Action.ToString()));
            Emit(new GoalActionCompleted(GoalId, message.ActionId, message.Action.ToString()));
        });
        Receive<ActionFailed>(message =>
        {
            _context.Journal.Tell(new ActionFailureRecorded(GoalId, message.ActionId, message.Action.ToString(), message.Failure.ToString()));
            Emit(new GoalActionFailed(GoalId, message.ActionId, message.Action.ToString(), message.Failure));
        });
        Receive<PlanCompleted>(_ =>
        {
            Context.Unwatch(executor);
            _context.WorldModel.Tell(new GetWorld(GoalId));
        });
        Receive<WorldSnapshot>(HandleWorldAfterPlan);
        Receive<PlanFailed>(message =>
        {
            Context.Unwatch(executor);
            HandlePlanFailed(message);
        });
        Receive<Terminated>(
            message => message.ActorRef.Equals(executor),
            _ => HandlePlanFailed(new PlanFailed(_plan!.PlanId, null, new ActionFailure(FailureKind.InternalError, "the plan executor crashed; see the log"), [])));
        Receive<CancelGoal>(message =>
        {
            _cancelReason = message.Reason;
            executor.Tell(new StopPlan(_plan!.PlanId, $"goal cancelled: {message.Reason}"));
        });
        ReceiveAny(_ => { });
    }

    private void HandleWorldAfterPlan(WorldSnapshot message)
    {
        var plan = _plan!;
        var unmet = plan.Goal.Unmet(_context.Execution.Domain, message.World);
        if (unmet is null)
        {
            _attempts.Add(new AttemptReport(_attempt, plan.PlanId, Actions(plan), "completed"));
            Conclude(GoalStatus.Achieved, $"achieved with {_completedActions.Count} action(s) in {_attempt} attempt(s)");
            return;
        }

        var failure = new ActionFailure(FailureKind.WorldDiverged, $"every action completed, but the goal does not hold: {unmet}");
        HandlePlanFailed(new PlanFailed(plan.PlanId, null, failure, []));
    }

    private void HandlePlanFailed(PlanFailed message)
    {
        var plan = _plan!;
        var failure = message.Failure;
        _attempts.Add(new AttemptReport(_attempt, plan.PlanId, Actions(plan), failure.ToString()));
        if (_cancelReason is not null || failure.Kind == FailureKind.Stopped)
        {
            Conclude(GoalStatus.Cancelled, $"cancelled: {_cancelReason ?? failure.Reason}");
        }
        else if (failure.HaltsController)
        {
            Conclude(GoalStatus.SafetyStopped, $"safety stop: {failure.Reason}. Nothing resumes by itself: give a new command or resume explicitly.");
        }
        else if (_attempt > _context.Execution.Settings.MaxReplans)
        {
            Conclude(GoalStatus.Failed, $"failed after {_attempt} attempt(s); last: {failure.Reason}");
        }
        else
        {
            _activity?.AddEvent(new ActivityEvent($"replanning after {failure.Kind}"));
            Emit(new ReplanScheduled(GoalId, _attempt + 1, failure.Reason));
            StartAttempt();
        }
    }

    private void Conclude(GoalStatus status, string summary)
    {
        // The queue must hear a safety stop before the devices come free, or a waiting goal could take them.
        Context.Parent.Tell(new GoalConcluded(GoalId, status));
        ReleaseDevices();
        _activity?.SetTag("robolam.goal.status", status.ToString());
        if (status != GoalStatus.Achieved)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, summary);
        }

        _context.Journal.Tell(new CommandConcluded(GoalId, status, summary));
        Emit(new GoalFinished(GoalId, new GoalOutcome(status, summary, _attempts.ToArray(), _completedActions.ToArray())));
        Become(() => ReceiveAny(_ => { }));
        Context.Stop(Self);
    }

    private void ReleaseDevices()
    {
        if (_grantedDevices.Count > 0)
        {
            _grantedDevices.Clear();
            Context.Parent.Tell(new DevicesReleased(GoalId));
        }
    }

    private void Emit(GoalEvent goalEvent) => _subscriber.Tell(goalEvent);

    private static string[] Actions(ExecutablePlan plan) => plan.Steps.Select(step => step.Action.ToString()).ToArray();
}
