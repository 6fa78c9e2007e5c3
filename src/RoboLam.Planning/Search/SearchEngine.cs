namespace RoboLam.Planning.Search;

/// <summary>A search algorithm over the state space of one task; one instance runs once.</summary>
internal abstract class SearchEngine : IPlanSearch
{
    protected SearchEngine(SearchSetup setup, int costBound)
    {
        Setup = setup;
        CostBound = costBound;
        Space = new SearchSpace(setup.Task.WordCount);
    }

    protected SearchSetup Setup { get; }

    protected SearchSpace Space { get; }

    protected SearchCounters Counters => Setup.Counters;

    /// <summary>Only paths cheaper than this are searched (anytime iterations); int.MaxValue for none.</summary>
    protected int CostBound { get; }

    public EngineResult Run(Action<EngineResult>? onPlan = null)
    {
        EngineResult result;
        try
        {
            result = Search();
        }
        catch (OutOfMemoryException)
        {
            return EngineResult.Stopped(SearchOutcome.MemoryLimit);
        }

        if (result.Outcome == SearchOutcome.Solved)
        {
            onPlan?.Invoke(result);
        }

        return result;
    }

    protected abstract EngineResult Search();

    protected EngineResult Solution(int goalState)
    {
        var plan = Space.ExtractPlan(goalState);
        return new EngineResult(SearchOutcome.Solved, plan, Space.CostSoFar(goalState));
    }
}
