using RoboLam.Planning.States;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// Generalised Dijkstra over the relaxed task from one state: the cost of a fact is the cheapest relaxed operator
/// that adds it, an operator costing its own cost plus the sum (h^add) or the maximum (h^max) of its precondition
/// costs. Stops as soon as every goal fact is final. Keeps, per fact, the operator that reached it cheapest.
/// </summary>
internal sealed class RelaxedExploration
{
    public const int Infinity = int.MaxValue;

    /// <summary>Costs saturate here so that sums never overflow.</summary>
    private const int Saturated = 1 << 30;

    private readonly RelaxedTask _task;
    private readonly int[] _preconditionCount;
    private readonly int[] _unsatisfied;
    private readonly int[] _accumulated;
    private readonly bool[] _isGoal;
    private readonly int _distinctGoalCount;
    private readonly int[] _stateFacts;
    private readonly BucketQueue _queue = new();

    public RelaxedExploration(RelaxedTask task)
    {
        _task = task;
        FactCost = new int[task.FactCount];
        Supporter = new int[task.FactCount];
        _preconditionCount = new int[task.OperatorCount];
        for (var op = 0; op < task.OperatorCount; op++)
        {
            _preconditionCount[op] = task.PreconditionStart[op + 1] - task.PreconditionStart[op];
        }

        _unsatisfied = new int[task.OperatorCount];
        _accumulated = new int[task.OperatorCount];
        _isGoal = new bool[task.FactCount];
        foreach (var fact in task.Goal)
        {
            _isGoal[fact] = true;
        }

        _distinctGoalCount = task.Goal.Length;
        _stateFacts = new int[Math.Max(1, task.RealFactCount)];
    }

    public RelaxedTask Task => _task;

    /// <summary>Cost of each fact after <see cref="Explore"/>; <see cref="Infinity"/> when not reached (or not final when the goal was reached first).</summary>
    public int[] FactCost { get; }

    /// <summary>The relaxed operator that reached each fact cheapest, or <see cref="RelaxedTask.NoOperator"/> for facts of the state.</summary>
    public int[] Supporter { get; }

    /// <summary>Runs the exploration; returns the goal's cost (sum or maximum of its facts) or <see cref="Heuristic.DeadEnd"/>.</summary>
    public int Explore(ReadOnlySpan<ulong> state, bool additive)
    {
        var task = _task;
        var factCost = FactCost;
        var supporter = Supporter;
        var unsatisfied = _unsatisfied;
        var accumulated = _accumulated;
        Array.Fill(factCost, Infinity);
        Array.Copy(_preconditionCount, unsatisfied, unsatisfied.Length);
        Array.Clear(accumulated);
        var queue = _queue;
        queue.Clear();
        var stateFactCount = PackedState.ListFacts(state, _stateFacts);
        for (var index = 0; index < stateFactCount; index++)
        {
            var fact = _stateFacts[index];
            factCost[fact] = 0;
            supporter[fact] = RelaxedTask.NoOperator;
            queue.Push(0, fact);
        }

        foreach (var op in task.NoPreconditionOperators)
        {
            Trigger(op, 0);
        }

        var goalsLeft = _distinctGoalCount;
        var preconditionOfStart = task.PreconditionOfStart;
        var preconditionOf = task.PreconditionOf;
        while (goalsLeft > 0 && queue.Count > 0)
        {
            var fact = queue.Pop(out var cost);
            if (cost != factCost[fact])
            {
                continue;
            }

            if (_isGoal[fact] && --goalsLeft == 0)
            {
                break;
            }

            for (var position = preconditionOfStart[fact]; position < preconditionOfStart[fact + 1]; position++)
            {
                var op = preconditionOf[position];
                if (additive)
                {
                    accumulated[op] = Math.Min(Saturated, accumulated[op] + cost);
                }
                else if (cost > accumulated[op])
                {
                    accumulated[op] = cost;
                }

                if (--unsatisfied[op] == 0)
                {
                    Trigger(op, accumulated[op]);
                }
            }
        }

        return GoalCost(additive);
    }

    private void Trigger(int op, int preconditionCost)
    {
        var task = _task;
        var target = Math.Min(Saturated, preconditionCost + task.Costs[op]);
        var adds = task.AddFacts;
        for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
        {
            var fact = adds[position];
            if (target < FactCost[fact])
            {
                FactCost[fact] = target;
                Supporter[fact] = op;
                _queue.Push(target, fact);
            }
        }
    }

    private int GoalCost(bool additive)
    {
        var total = 0;
        foreach (var fact in _task.Goal)
        {
            var cost = FactCost[fact];
            if (cost == Infinity)
            {
                return Heuristic.DeadEnd;
            }

            total = additive ? Math.Min(Saturated, total + cost) : Math.Max(total, cost);
        }

        return total;
    }
}
