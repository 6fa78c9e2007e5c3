using System.Diagnostics;
using Akka.Actor;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Telemetry;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// One planning request: takes the world as it is now, builds the problem, runs the portfolio (one child per
/// configuration), keeps the best validated plan, and answers its parent with <see cref="PlanReady"/> or
/// <see cref="NoPlanFound"/>. The first plan wins at once, or after the improvement window if one is set.
/// </summary>
internal sealed class PlanningSessionActor : ReceiveActor, IWithTimers
{
    private readonly PlanGoal _request;
    private readonly PlanningContext _context;
    private readonly IActorRef _worldModel;
    private readonly Dictionary<int, PlanningReport> _finalReports = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Activity? _activity;
    private WorldState? _world;
    private (PlanningReport Report, int Worker)? _best;
    private string? _cancelReason;
    private string _outcome = "stopped";

    public PlanningSessionActor(PlanGoal request, PlanningContext context, IActorRef worldModel)
    {
        _request = request;
        _context = context;
        _worldModel = worldModel;
        Receive<WorldSnapshot>(HandleWorld);
        Receive<SearchCandidate>(message => Consider(message.Worker, message.Report));
        Receive<SearchEnded>(HandleSearchEnded);
        Receive<ImprovementWindowEnded>(_ => Finish());
        Receive<CancelPlanning>(HandleCancel);
        Receive<CancelGraceEnded>(_ => AnswerCancelled());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private int WorkerCount => _context.Settings.Configurations.Count;

    public static Props Props(PlanGoal request, PlanningContext context, IActorRef worldModel) =>
        Akka.Actor.Props.Create(() => new PlanningSessionActor(request, context, worldModel));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A worker that throws outside its search is a bug: stop it; the session answers with what the others find.
        new OneForOneStrategy(exception => Directive.Stop);

    protected override void PreStart()
    {
        _activity = RuntimeTelemetry.StartActivity("robolam.plan", _request.TraceParent);
        _activity?.SetTag("robolam.plan.request", _request.RequestId);
        _activity?.SetTag("robolam.goal", _request.Goal.ToString());
        _worldModel.Tell(new GetWorld(_request.RequestId));
    }

    protected override void PostStop()
    {
        RuntimeTelemetry.PlanningTime.Record(_clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(RuntimeTelemetry.ResultTag, _outcome));
        _activity?.Dispose();
    }

    private void HandleWorld(WorldSnapshot message)
    {
        _world = message.World;
        var problem = _context.Problems.Build(_world, _request.Goal);
        for (var index = 0; index < WorkerCount; index++)
        {
            var configuration = _context.Settings.Configurations[index];
            var props = SearchWorkerActor.Props(index, _context.Domain.Domain, problem, _context.Settings.RequestFor(configuration));
            Context.ActorOf(props, $"search-{index + 1}");
        }
    }

    private void Consider(int worker, PlanningReport report)
    {
        if (_cancelReason is not null || !report.IsSolved || (_best is { } best && best.Report.Cost <= report.Cost))
        {
            return;
        }

        var first = _best is null;
        _best = (report, worker);
        if (!first)
        {
            _activity?.AddEvent(new ActivityEvent($"better plan of cost {report.Cost} from {Configuration(worker)}"));
            return;
        }

        _activity?.AddEvent(new ActivityEvent($"first plan of cost {report.Cost} from {Configuration(worker)}"));
        if (_context.Settings.ImprovementWindow <= TimeSpan.Zero)
        {
            Finish();
        }
        else
        {
            Timers.StartSingleTimer("improvement-window", new ImprovementWindowEnded(), _context.Settings.ImprovementWindow);
        }
    }

    private void HandleSearchEnded(SearchEnded message)
    {
        _finalReports[message.Worker] = message.Report;
        if (_cancelReason is not null)
        {
            if (_finalReports.Count == WorkerCount)
            {
                AnswerCancelled();
            }

            return;
        }

        Consider(message.Worker, message.Report);
        if (_finalReports.Count == WorkerCount)
        {
            Finish();
        }
    }

    private void Finish()
    {
        if (_best is { } best)
        {
            Answer(PlanFrom(best.Report, best.Worker));
        }
        else
        {
            var reasons = _finalReports.OrderBy(pair => pair.Key)
                .SelectMany(pair => pair.Value.Reasons.Select(reason => $"{Configuration(pair.Key)}: {reason}"))
                .ToArray();
            Answer(new NoPlanFound(_request.RequestId, NoPlanOutcome(), reasons));
        }
    }

    private object PlanFrom(PlanningReport report, int worker)
    {
        try
        {
            var plan = ExecutablePlanFactory.Create(
                _request.RequestId,
                _request.Goal,
                report.Plan,
                report.Cost,
                _context.Domain,
                _world!,
                _context.Assignments,
                Configuration(worker),
                _clock.Elapsed);
            _activity?.SetTag("robolam.plan.length", plan.Steps.Length);
            _activity?.SetTag("robolam.plan.cost", plan.Cost);
            _activity?.SetTag("robolam.plan.configuration", plan.Configuration);
            return new PlanReady(_request.RequestId, plan);
        }
        catch (Exception exception) when (exception is ExecutionModelException or KeyNotFoundException or ArgumentException)
        {
            return new NoPlanFound(_request.RequestId, PlanningOutcome.Unsupported, [$"the plan cannot be executed: {exception.Message}"]);
        }
    }

    /// <summary>Unsolvable is definitive and wins; then the limits; then whatever the searches said.</summary>
    private PlanningOutcome NoPlanOutcome()
    {
        var outcomes = _finalReports.Values.Select(report => report.Outcome).ToArray();
        PlanningOutcome[] precedence =
        [
            PlanningOutcome.Unsolvable, PlanningOutcome.Unsupported, PlanningOutcome.InvalidPlan, PlanningOutcome.TimeLimit,
            PlanningOutcome.MemoryLimit, PlanningOutcome.InternalError, PlanningOutcome.Cancelled,
        ];
        return precedence.FirstOrDefault(outcomes.Contains, PlanningOutcome.InternalError);
    }

    private void HandleCancel(CancelPlanning message)
    {
        _cancelReason ??= "planning was cancelled";
        foreach (var child in Context.GetChildren())
        {
            child.Tell(new StopSearch(_cancelReason));
        }

        if (_finalReports.Count == WorkerCount || _world is null)
        {
            AnswerCancelled();
            return;
        }

        Timers.StartSingleTimer("cancel-grace", new CancelGraceEnded(), _context.Settings.CancelGrace);
    }

    private void AnswerCancelled()
    {
        var stillRunning = WorkerCount - _finalReports.Count;
        var reason = stillRunning == 0 || _world is null
            ? $"{_cancelReason}; every search stopped after {_clock.Elapsed.TotalMilliseconds:0} ms of planning"
            : $"{_cancelReason}; {stillRunning} search(es) had not returned within {_context.Settings.CancelGrace.TotalMilliseconds:0} ms";
        Answer(new NoPlanFound(_request.RequestId, PlanningOutcome.Cancelled, [reason]));
    }

    private void Answer(object reply)
    {
        _outcome = reply is PlanReady ? "solved" : ((NoPlanFound)reply).Outcome.ToString();
        _activity?.SetTag("robolam.plan.outcome", _outcome);
        Context.Parent.Tell(reply);
        Context.Stop(Self);
    }

    private string Configuration(int worker) => _context.Settings.Configurations[worker];

    private sealed record ImprovementWindowEnded;

    private sealed record CancelGraceEnded;
}

/// <summary>What every planning session of one controller shares.</summary>
internal sealed record PlanningContext(DomainModel Domain, ProblemBuilder Problems, PlannerSettings Settings, DeviceAssignments Assignments);
