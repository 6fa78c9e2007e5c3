using Akka.Actor;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// Runs one search configuration of the portfolio on a thread of its own through <see cref="PlanningPipeline"/>.
/// Cancellation goes through the search's token; the worker reports when the search has really returned.
/// </summary>
internal sealed class SearchWorkerActor : ReceiveActor
{
    private readonly int _index;
    private readonly Domain _domain;
    private readonly Problem _problem;
    private readonly PlanningRequest _request;
    private readonly CancellationTokenSource _cancellation = new();

    public SearchWorkerActor(int index, Domain domain, Problem problem, PlanningRequest request)
    {
        _index = index;
        _domain = domain;
        _problem = problem;
        _request = request;
        Receive<SearchCandidate>(message => Context.Parent.Tell(message));
        Receive<SearchEnded>(HandleEnded);
        Receive<StopSearch>(_ => _cancellation.Cancel());
    }

    public static Props Props(int index, Domain domain, Problem problem, PlanningRequest request) =>
        Akka.Actor.Props.Create(() => new SearchWorkerActor(index, domain, problem, request));

    protected override void PreStart()
    {
        var self = Self;
        var token = _cancellation.Token;
        var index = _index;
        // A search is long CPU work: its own thread, so the actors sharing the thread pool are never starved by it.
        Task.Factory.StartNew(
                () => PlanningPipeline.Plan(_domain, _problem, _request, token, report => self.Tell(new SearchCandidate(index, report))),
                token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)
            .PipeTo(
                self,
                success: report => new SearchEnded(index, report),
                failure: exception => new SearchEnded(index, Crashed(exception)));
    }

    protected override void PostStop()
    {
        // A stopped worker must not leave its search running: the token ends it within the search's check interval.
        _cancellation.Cancel();
    }

    private void HandleEnded(SearchEnded message)
    {
        Context.Parent.Tell(message);
        Context.Stop(Self);
    }

    private PlanningReport Crashed(Exception exception)
    {
        var reason = exception is TaskCanceledException
            ? "the search was cancelled before it started"
            : $"{_request.SearchConfiguration} threw {exception.GetType().Name}: {exception.Message}";
        var outcome = exception is TaskCanceledException ? PlanningOutcome.Cancelled : PlanningOutcome.InternalError;
        return new PlanningReport(outcome, [], 0, [reason], null, null, null);
    }
}
