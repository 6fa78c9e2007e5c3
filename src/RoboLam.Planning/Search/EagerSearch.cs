using RoboLam.Planning.Heuristics;

namespace RoboLam.Planning.Search;

/// <summary>
/// Eager best-first search: every successor is evaluated when generated. Greedy (weight 0) with one open list
/// per heuristic and preferred-operator lists used in turn, or weighted A* (g + w·h, A* when w = 1) reopening
/// states reached more cheaply.
/// </summary>
internal sealed class EagerSearch : SearchEngine
{
    private readonly BestFirstOptions _options;
    private readonly HeuristicSet _heuristics;
    private readonly AlternationOpenList _open;
    private readonly EvaluationContext _context;
    private readonly EvaluationContext _childContext;
    private int[] _estimates = new int[1024];

    public EagerSearch(SearchSetup setup, BestFirstOptions options)
        : base(setup, options.CostBound)
    {
        _options = options;
        _heuristics = new HeuristicSet(options.Heuristics, options.UsePreferred);
        _open = AlternationOpenList.For(_heuristics);
        _context = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
        _childContext = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
    }

    protected override EngineResult Search()
    {
        var transition = Setup.Transition;
        var budget = Setup.Budget;
        var context = _context;
        transition.WriteInitialState(_childContext.State);
        if (transition.IsForbidden(_childContext.State))
        {
            return EngineResult.Stopped(SearchOutcome.Unsolvable);
        }

        var initial = Space.Insert(_childContext.State, out _);
        Space.SetPath(initial, SearchSpace.NoParent, -1, 0);
        _heuristics.OnInitialState(initial, _childContext.State);
        if (!EvaluateChild(initial))
        {
            return EngineResult.Stopped(SearchOutcome.Unsolvable);
        }

        if (Counters.InitialEstimate < 0)
        {
            Counters.InitialEstimate = _heuristics.Values[0];
        }

        _heuristics.RecordProgress();
        Push(initial, preferred: false);
        while (_open.TryPop(out var payload))
        {
            var stateId = (int)payload;
            var pushedCost = (int)(payload >> 32);
            if (Space.Status(stateId) != NodeStatus.Open || pushedCost != Space.CostSoFar(stateId))
            {
                continue;
            }

            if (budget.Check() is { } stop)
            {
                return EngineResult.Stopped(stop);
            }

            Space.Registry.CopyTo(stateId, context.State);
            if (transition.IsGoal(context.State))
            {
                return Solution(stateId);
            }

            Space.SetStatus(stateId, NodeStatus.Closed);
            Counters.Expanded++;
            context.Reset(stateId);
            if (_heuristics.UsesPreferred && !_heuristics.CollectPreferredOnly(context))
            {
                continue;
            }

            GenerateSuccessors(stateId);
        }

        return EngineResult.Stopped(SearchOutcome.Unsolvable);
    }

    private void GenerateSuccessors(int stateId)
    {
        var transition = Setup.Transition;
        var costs = Setup.Task.OperatorCosts;
        var costSoFar = Space.CostSoFar(stateId);
        var child = _childContext;
        foreach (var op in _context.ApplicableOperators)
        {
            var successorCost = costSoFar + costs[op];
            if (successorCost >= CostBound)
            {
                continue;
            }

            transition.Apply(_context.State, op, child.State);
            Counters.Generated++;
            if (transition.IsForbidden(child.State))
            {
                continue;
            }

            var childId = Space.Insert(child.State, out var isNew);
            var preferred = _heuristics.UsesPreferred && _context.Preferred.Contains(op);
            if (isNew)
            {
                Space.SetPath(childId, stateId, op, successorCost);
                _heuristics.OnTransition(stateId, op, childId, child.State);
                if (!EvaluateChild(childId))
                {
                    continue;
                }

                if (_heuristics.RecordProgress() && _heuristics.UsesPreferred)
                {
                    _open.BoostPreferred(_options.Boost);
                }

                Push(childId, preferred);
            }
            else if (_options.ReopenClosed && Space.Status(childId) != NodeStatus.DeadEnd && successorCost < Space.CostSoFar(childId))
            {
                if (Space.Status(childId) == NodeStatus.Closed)
                {
                    Counters.Reopened++;
                }

                Space.SetPath(childId, stateId, op, successorCost);
                Array.Copy(_estimates, childId * _heuristics.Count, _heuristics.Values, 0, _heuristics.Count);
                Push(childId, preferred);
            }
        }
    }

    /// <summary>Evaluates the state in the child context, stores its estimates, and marks it open (or a dead end).</summary>
    private bool EvaluateChild(int stateId)
    {
        _childContext.Reset(stateId);
        Counters.Evaluated++;
        if (!_heuristics.Evaluate(_childContext, collectPreferred: false))
        {
            Space.SetStatus(stateId, NodeStatus.DeadEnd);
            Counters.DeadEnds++;
            return false;
        }

        var count = _heuristics.Count;
        if ((stateId + 1) * count > _estimates.Length)
        {
            Array.Resize(ref _estimates, Math.Max(_estimates.Length * 2, (stateId + 1) * count));
        }

        Array.Copy(_heuristics.Values, 0, _estimates, stateId * count, count);
        return true;
    }

    private void Push(int stateId, bool preferred)
    {
        Space.SetStatus(stateId, NodeStatus.Open);
        var costSoFar = Space.CostSoFar(stateId);
        var payload = ((long)costSoFar << 32) | (uint)stateId;
        var values = _heuristics.Values;
        var count = values.Length;
        for (var index = 0; index < count; index++)
        {
            var key = OpenKey.For(_options.Weight, costSoFar, values[index]);
            _open.Push(index, key, payload);
            if (preferred)
            {
                _open.Push(count + index, key, payload);
            }
        }
    }
}
