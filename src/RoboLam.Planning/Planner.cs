using RoboLam.Planning.Configuration;
using RoboLam.Planning.Search;
using RoboLam.Planning.States;
using RoboLam.Planning.Successors;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning;

/// <summary>The entry point of the search side: solve a grounded task with a named configuration.</summary>
public static class Planner
{
    /// <summary>The configuration used when none is named.</summary>
    public const string DefaultConfiguration = "lama";

    /// <summary>Every search and heuristic name, for <c>robolam plan --list</c>.</summary>
    public static IReadOnlyList<ComponentInfo> Components => ComponentCatalog.All;

    /// <summary>
    /// Searches for a plan. <paramref name="configuration"/> is a string such as <c>lama</c>, <c>lazy-gbfs(ff, lmcount)</c>
    /// or <c>astar(lmcut)</c>; <paramref name="onImprovedPlan"/> hears of every plan found, cheaper ones later (anytime).
    /// Throws <see cref="ConfigurationException"/> for an unusable configuration; limits and cancellation end the
    /// search with the matching <see cref="SearchOutcome"/> (an anytime search that has a plan reports it as solved).
    /// </summary>
    public static SearchResult Solve(
        GroundTask task,
        string configuration,
        SearchLimits limits,
        CancellationToken cancellationToken = default,
        Action<SearchResult>? onImprovedPlan = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(limits);
        var expression = ConfigurationParser.Parse(configuration);
        var budget = new SearchBudget(limits, cancellationToken);
        var setup = new SearchSetup(SearchTask.Create(task), budget);
        var search = SearchFactory.Create(expression, setup);
        EngineResult result;
        try
        {
            result = search.Run(found => onImprovedPlan?.Invoke(ToResult(found, setup)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = EngineResult.Stopped(SearchOutcome.Cancelled);
        }

        return ToResult(result, setup);
    }

    /// <summary>Checks a configuration string without a task; throws <see cref="ConfigurationException"/> when it is unusable.</summary>
    public static void ValidateConfiguration(string configuration)
    {
        var empty = new GroundTask([], [], [], [], [], [], hasActionCosts: false);
        var setup = new SearchSetup(SearchTask.Create(empty), new SearchBudget(SearchLimits.Unlimited, CancellationToken.None));
        SearchFactory.Create(ConfigurationParser.Parse(configuration), setup);
    }

    /// <summary>The cost of a plan under the task's metric (its length without action costs).</summary>
    public static int PlanCost(GroundTask task, IEnumerable<int> plan)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(plan);
        var total = 0;
        foreach (var op in plan)
        {
            total += task.HasActionCosts ? task.Operators[op].Cost : 1;
        }

        return total;
    }

    /// <summary>
    /// The forbidden facts (<see cref="GroundTask.ForbiddenFacts"/>) true in the initial state with its axioms
    /// evaluated: when any is, the initial state breaks an invariant and no plan exists.
    /// </summary>
    public static IReadOnlyList<int> ForbiddenFactsInInitialState(GroundTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.ForbiddenFacts.Length == 0)
        {
            return [];
        }

        var transition = new StateTransition(SearchTask.Create(task));
        var state = new ulong[transition.Task.WordCount];
        transition.WriteInitialState(state);
        return task.ForbiddenFacts.Where(fact => PackedState.Contains(state, fact)).ToArray();
    }

    private static SearchResult ToResult(EngineResult result, SearchSetup setup)
    {
        setup.Budget.SampleMemory();
        var statistics = setup.Counters.ToStatistics(setup.Budget);
        return new SearchResult(result.Outcome, result.Plan?.ToArray(), result.Plan is null ? 0 : result.Cost, statistics);
    }
}
