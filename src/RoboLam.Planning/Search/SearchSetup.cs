using RoboLam.Planning.Successors;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Search;

/// <summary>What every search engine of one planner call shares: the task, successor generation, budget and counters.</summary>
internal sealed class SearchSetup
{
    public SearchSetup(SearchTask task, SearchBudget budget)
    {
        Task = task;
        Budget = budget;
        Transition = new StateTransition(task);
        Finder = new DecisionTreeOperatorFinder(task);
    }

    public SearchTask Task { get; }

    public StateTransition Transition { get; }

    public IApplicableOperatorFinder Finder { get; }

    public SearchBudget Budget { get; }

    public SearchCounters Counters { get; } = new();
}
