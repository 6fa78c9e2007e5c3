using RoboLam.Planning.Configuration;
using RoboLam.Planning.Heuristics;

namespace RoboLam.Planning.Search;

/// <summary>
/// LAMA's anytime scheme: a first plan from the lama configuration, then lazy weighted A* with ff and lmcount
/// (costs plus one, preferred operators, reopening) and weights 5, 3, 2, 1, 1, ..., each run only exploring
/// paths cheaper than the best plan so far. Ends at the time limit, on cancellation, or when a run exhausts its
/// space, which proves the best plan optimal.
/// </summary>
internal sealed class AnytimeSearch : IPlanSearch
{
    private static readonly int[] s_weights = [5, 3, 2, 1];

    private readonly SearchSetup _setup;
    private readonly HeuristicFactory _heuristics;

    public AnytimeSearch(SearchSetup setup, HeuristicFactory heuristics)
    {
        _setup = setup;
        _heuristics = heuristics;
    }

    public EngineResult Run(Action<EngineResult>? onPlan)
    {
        var best = SearchFactory.CreateLama(_setup, _heuristics).Run(onPlan);
        if (best.Outcome != SearchOutcome.Solved)
        {
            return best;
        }

        for (var iteration = 0; ; iteration++)
        {
            var options = new BestFirstOptions(
                [_heuristics.CreateFF(OperatorCostMode.PlusOne), _heuristics.CreateLandmarkCount(OperatorCostMode.PlusOne)],
                UsePreferred: true,
                Weight: s_weights[Math.Min(iteration, s_weights.Length - 1)],
                ReopenClosed: true,
                CostBound: best.Cost);
            var result = new LazySearch(_setup, options).Run(onPlan: null);
            if (result.Outcome != SearchOutcome.Solved)
            {
                // Unsolvable under the bound proves the best plan optimal; a limit or cancellation just ends the improving.
                return best;
            }

            if (result.Cost < best.Cost)
            {
                best = result;
                onPlan?.Invoke(best);
            }
        }
    }
}
