using RoboLam.Planning.Heuristics;

namespace RoboLam.Planning.Search;

/// <summary>
/// Lazy best-first search with deferred evaluation, as in LAMA: successors enter the open lists with their
/// parent's estimates and are evaluated only when taken out. One open list per heuristic, plus one per heuristic
/// holding only the successors by preferred operators, used in turn; preferred lists are boosted on progress.
/// </summary>
internal sealed class LazySearch : SearchEngine
{
    private readonly BestFirstOptions _options;
    private readonly HeuristicSet _heuristics;
    private readonly AlternationOpenList _open;
    private readonly EvaluationContext _context;

    public LazySearch(SearchSetup setup, BestFirstOptions options)
        : base(setup, options.CostBound)
    {
        _options = options;
        _heuristics = new HeuristicSet(options.Heuristics, options.UsePreferred);
        _open = AlternationOpenList.For(_heuristics);
        _context = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
    }

    protected override EngineResult Search()
    {
        var transition = Setup.Transition;
        var budget = Setup.Budget;
        var context = _context;
        transition.WriteInitialState(context.State);
        if (transition.IsForbidden(context.State))
        {
            return EngineResult.Stopped(SearchOutcome.Unsolvable);
        }

        var current = Space.Insert(context.State, out _);
        Space.SetPath(current, SearchSpace.NoParent, -1, 0);
        _heuristics.OnInitialState(current, context.State);
        context.Reset(current);
        Counters.Evaluated++;
        if (!_heuristics.Evaluate(context, _heuristics.UsesPreferred))
        {
            Counters.DeadEnds++;
            return EngineResult.Stopped(SearchOutcome.Unsolvable);
        }

        if (Counters.InitialEstimate < 0)
        {
            Counters.InitialEstimate = _heuristics.Values[0];
        }

        _heuristics.RecordProgress();
        while (true)
        {
            if (budget.Check() is { } stop)
            {
                return EngineResult.Stopped(stop);
            }

            if (transition.IsGoal(context.State))
            {
                return Solution(current);
            }

            Expand(current);
            current = NextState();
            if (current < 0)
            {
                return EngineResult.Stopped(SearchOutcome.Unsolvable);
            }
        }
    }

    private void Expand(int stateId)
    {
        Space.SetStatus(stateId, NodeStatus.Closed);
        Counters.Expanded++;
        var costs = Setup.Task.OperatorCosts;
        var costSoFar = Space.CostSoFar(stateId);
        var values = _heuristics.Values;
        var count = values.Length;
        var weight = _options.Weight;
        var usesPreferred = _heuristics.UsesPreferred;
        foreach (var op in _context.ApplicableOperators)
        {
            var successorCost = costSoFar + costs[op];
            if (successorCost >= CostBound)
            {
                continue;
            }

            var payload = ((long)stateId << 32) | (uint)op;
            var preferred = usesPreferred && _context.Preferred.Contains(op);
            for (var index = 0; index < count; index++)
            {
                var key = OpenKey.For(weight, successorCost, values[index]);
                _open.Push(index, key, payload);
                if (preferred)
                {
                    _open.Push(count + index, key, payload);
                }
            }

            Counters.Generated++;
        }
    }

    /// <summary>Takes entries until one yields a state worth expanding, evaluates it, and returns its id (-1 when the lists run dry).</summary>
    private int NextState()
    {
        var transition = Setup.Transition;
        var costs = Setup.Task.OperatorCosts;
        var context = _context;
        while (_open.TryPop(out var payload))
        {
            var parent = (int)(payload >> 32);
            var op = (int)(uint)payload;
            transition.Apply(Space.GetState(parent), op, context.State);
            if (transition.IsForbidden(context.State))
            {
                // Pruned before it gets an id: a state breaking an invariant is never stored.
                continue;
            }

            var successorCost = Space.CostSoFar(parent) + costs[op];
            var child = Space.Insert(context.State, out var isNew);
            if (isNew)
            {
                Space.SetPath(child, parent, op, successorCost);
                _heuristics.OnTransition(parent, op, child, context.State);
            }
            else if (_options.ReopenClosed && Space.Status(child) != NodeStatus.DeadEnd && successorCost < Space.CostSoFar(child))
            {
                Space.SetPath(child, parent, op, successorCost);
                Counters.Reopened++;
            }
            else
            {
                continue;
            }

            context.Reset(child);
            Counters.Evaluated++;
            if (!_heuristics.Evaluate(context, _heuristics.UsesPreferred))
            {
                Space.SetStatus(child, NodeStatus.DeadEnd);
                Counters.DeadEnds++;
                continue;
            }

            if (_heuristics.RecordProgress() && _heuristics.UsesPreferred)
            {
                _open.BoostPreferred(_options.Boost);
            }

            return child;
        }

        return -1;
    }
}
