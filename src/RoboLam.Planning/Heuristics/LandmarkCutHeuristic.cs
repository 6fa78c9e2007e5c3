using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// LM-cut (Helmert and Domshlak 2009), admissible. Repeatedly: compute h^max with every relaxed operator's
/// h^max supporter; collect the goal zone (facts that reach the goal through zero-cost operators' supporters);
/// the operators leading from the part reachable from the state into the goal zone form a disjunctive action
/// landmark (a cut); add the cheapest cost in the cut to h, subtract it from every cut operator, and update
/// h^max incrementally, until the goal costs 0. An artificial goal operator and an artificial "true" fact (the
/// precondition of operators with none) keep the loop uniform. The cut is found backwards from the goal zone
/// (its positive-cost achievers, checked for a supporter path from the state) rather than by walking forward
/// through everything reachable; each fact keeps a linked list of the operators it supports, so the incremental
/// update visits supported operators only.
/// </summary>
internal sealed class LandmarkCutHeuristic : Heuristic
{
    private const int Infinity = int.MaxValue;
    private const int NoFact = -1;
    private const int NoOperator = -1;

    private readonly int _factCount;
    private readonly int _goalFact;
    private readonly int _trueFact;
    private readonly int _operatorCount;
    private readonly int[] _preconditionStart;
    private readonly int[] _preconditionFacts;
    private readonly int[] _effectStart;
    private readonly int[] _effectFacts;
    private readonly int[] _preconditionOfStart;
    private readonly int[] _preconditionOf;
    private readonly int[] _achieverStart;
    private readonly int[] _achievers;
    private readonly int[] _baseCost;
    private readonly int[] _cost;
    private readonly int[] _unsatisfied;
    private readonly int[] _supporter;
    private readonly int[] _supporterCost;
    private readonly int[] _firstSupported;
    private readonly int[] _nextSupported;
    private readonly int[] _previousSupported;
    private readonly int[] _factCost;
    private readonly int[] _goalZoneMark;
    private readonly int[] _beforeGoalZoneMark;
    private readonly int[] _stateFacts;
    private readonly BucketQueue _queue = new();
    private readonly List<int> _cut = [];
    private readonly List<int> _candidates = [];
    private readonly int[] _candidateMark;
    private readonly int[] _notBeforeGoalZoneMark;
    private readonly int[] _visitedMark;
    private readonly int[] _visited;
    private readonly int[] _searchFact;
    private readonly int[] _searchPosition;
    private int _searchStamp;
    private int[] _stack;
    private int _round;

    public LandmarkCutHeuristic(RelaxedTask task)
        : base("lmcut")
    {
        _goalFact = task.FactCount;
        _trueFact = task.FactCount + 1;
        _factCount = task.FactCount + 2;
        _operatorCount = task.OperatorCount + 1;
        var goalOperator = task.OperatorCount;
        var preconditions = new FlatListBuilder();
        var effects = new FlatListBuilder();
        _baseCost = new int[_operatorCount];
        for (var op = 0; op < task.OperatorCount; op++)
        {
            var start = task.PreconditionStart[op];
            var end = task.PreconditionStart[op + 1];
            preconditions.Add(start == end ? [_trueFact] : task.PreconditionFacts.AsSpan(start, end - start).ToArray());
            effects.Add(task.AddFacts.AsSpan(task.AddStart[op], task.AddStart[op + 1] - task.AddStart[op]).ToArray());
            _baseCost[op] = task.Costs[op];
        }

        preconditions.Add(task.Goal.Length == 0 ? [_trueFact] : task.Goal);
        effects.Add([_goalFact]);
        _baseCost[goalOperator] = 0;
        (_preconditionStart, _preconditionFacts) = preconditions.Build();
        (_effectStart, _effectFacts) = effects.Build();
        (_preconditionOfStart, _preconditionOf) = FlatListBuilder.Invert(_preconditionStart, _preconditionFacts, _factCount);
        (_achieverStart, _achievers) = FlatListBuilder.Invert(_effectStart, _effectFacts, _factCount);
        _cost = new int[_operatorCount];
        _unsatisfied = new int[_operatorCount];
        _supporter = new int[_operatorCount];
        _supporterCost = new int[_operatorCount];
        _firstSupported = new int[_factCount];
        _nextSupported = new int[_operatorCount];
        _previousSupported = new int[_operatorCount];
        _factCost = new int[_factCount];
        _goalZoneMark = new int[_factCount];
        _beforeGoalZoneMark = new int[_factCount];
        _notBeforeGoalZoneMark = new int[_factCount];
        _candidateMark = new int[_operatorCount];
        _visitedMark = new int[_factCount];
        _visited = new int[_factCount];
        _searchFact = new int[_factCount];
        _searchPosition = new int[_factCount];
        _stateFacts = new int[Math.Max(1, task.RealFactCount)];
        _stack = new int[_factCount];
    }

    public override bool IsAdmissible => true;

    public override int Evaluate(EvaluationContext context)
    {
        var stateFactCount = PackedState.ListFacts(context.State, _stateFacts);
        FirstExploration(stateFactCount);
        if (_factCost[_goalFact] == Infinity)
        {
            return DeadEnd;
        }

        var total = 0;
        while (_factCost[_goalFact] != 0)
        {
            NextRound();
            MarkGoalZone();
            FindCut(stateFactCount);
            var cutCost = Infinity;
            foreach (var op in _cut)
            {
                cutCost = Math.Min(cutCost, _cost[op]);
            }

            total += cutCost;
            foreach (var op in _cut)
            {
                _cost[op] -= cutCost;
            }

            IncrementalExploration();
        }

        return total;
    }

    private void NextRound()
    {
        if (++_round == int.MaxValue)
        {
            Array.Clear(_goalZoneMark);
            Array.Clear(_beforeGoalZoneMark);
            Array.Clear(_notBeforeGoalZoneMark);
            Array.Clear(_candidateMark);
            _round = 1;
        }
    }

    private void FirstExploration(int stateFactCount)
    {
        Array.Fill(_factCost, Infinity);
        Array.Copy(_baseCost, _cost, _operatorCount);
        Array.Fill(_supporter, NoFact);
        Array.Fill(_firstSupported, NoOperator);
        for (var op = 0; op < _operatorCount; op++)
        {
            _unsatisfied[op] = _preconditionStart[op + 1] - _preconditionStart[op];
        }

        var queue = _queue;
        queue.Clear();
        for (var index = 0; index < stateFactCount; index++)
        {
            var fact = _stateFacts[index];
            _factCost[fact] = 0;
            queue.Push(0, fact);
        }

        _factCost[_trueFact] = 0;
        queue.Push(0, _trueFact);
        while (queue.Count > 0)
        {
            var fact = queue.Pop(out var cost);
            if (cost > _factCost[fact])
            {
                continue;
            }

            for (var position = _preconditionOfStart[fact]; position < _preconditionOfStart[fact + 1]; position++)
            {
                var op = _preconditionOf[position];
                if (--_unsatisfied[op] == 0)
                {
                    // Facts leave the queue in cost order, so the last precondition reached is a most expensive one.
                    _supporterCost[op] = cost;
                    LinkSupporter(op, fact);
                    EnqueueEffects(op, cost + _cost[op]);
                }
            }
        }
    }

    private void EnqueueEffects(int op, int target)
    {
        for (var position = _effectStart[op]; position < _effectStart[op + 1]; position++)
        {
            var fact = _effectFacts[position];
            if (target < _factCost[fact])
            {
                _factCost[fact] = target;
                _queue.Push(target, fact);
            }
        }
    }

    /// <summary>
    /// The goal zone: facts from which the goal is reached by zero-cost operators through their supporters. The
    /// positive-cost achievers of zone facts met on the way are the candidates for the cut.
    /// </summary>
    private void MarkGoalZone()
    {
        _candidates.Clear();
        var stack = _stack;
        var top = 0;
        _goalZoneMark[_goalFact] = _round;
        stack[top++] = _goalFact;
        while (top > 0)
        {
            var fact = stack[--top];
            for (var position = _achieverStart[fact]; position < _achieverStart[fact + 1]; position++)
            {
                var op = _achievers[position];
                var supporter = _supporter[op];
                if (supporter == NoFact)
                {
                    continue;
                }

                if (_cost[op] > 0)
                {
                    if (_candidateMark[op] != _round)
                    {
                        _candidateMark[op] = _round;
                        _candidates.Add(op);
                    }
                }
                else
                {
                    supporter = BreakSupporterTie(op);
                    if (_goalZoneMark[supporter] != _round)
                    {
                        _goalZoneMark[supporter] = _round;
                        stack[top++] = supporter;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Among the equally expensive preconditions of a zero-cost operator, prefers as supporter one that no
    /// zero-cost operator achieves (the zone then stops at it), else one already in the zone (as Fast Downward
    /// does); both keep the zone small, which makes cuts cheaper to cross and the estimate larger.
    /// </summary>
    private int BreakSupporterTie(int op)
    {
        var supporterCost = _supporterCost[op];
        var choice = _supporter[op];
        var inZone = -1;
        for (var position = _preconditionStart[op]; position < _preconditionStart[op + 1]; position++)
        {
            var fact = _preconditionFacts[position];
            if (_factCost[fact] != supporterCost)
            {
                continue;
            }

            if (!HasZeroCostAchiever(fact))
            {
                choice = fact;
                inZone = -1;
                break;
            }

            if (inZone < 0 && _goalZoneMark[fact] == _round)
            {
                inZone = fact;
            }
        }

        if (inZone >= 0)
        {
            choice = inZone;
        }

        if (choice != _supporter[op])
        {
            UnlinkSupporter(op);
            LinkSupporter(op, choice);
        }

        return choice;
    }

    private bool HasZeroCostAchiever(int fact)
    {
        for (var position = _achieverStart[fact]; position < _achieverStart[fact + 1]; position++)
        {
            if (_cost[_achievers[position]] == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The cut: candidates whose supporter is reached from the state along supporters without entering the goal
    /// zone. Instead of walking that whole region forward, each candidate's supporter is checked backwards.
    /// </summary>
    private void FindCut(int stateFactCount)
    {
        _cut.Clear();
        for (var index = 0; index < stateFactCount; index++)
        {
            _beforeGoalZoneMark[_stateFacts[index]] = _round;
        }

        _beforeGoalZoneMark[_trueFact] = _round;
        foreach (var op in _candidates)
        {
            if (IsBeforeGoalZone(_supporter[op]))
            {
                _cut.Add(op);
            }
        }
    }

    /// <summary>
    /// Depth-first search backwards from <paramref name="fact"/> over achievers that do not enter the goal zone,
    /// to a fact known to be reached before the zone. A found path is remembered as before the zone; an
    /// exhausted search proves every fact it visited is not (nothing outside it leads into it), also remembered.
    /// </summary>
    private bool IsBeforeGoalZone(int fact)
    {
        if (_beforeGoalZoneMark[fact] == _round)
        {
            return true;
        }

        if (_goalZoneMark[fact] == _round || _notBeforeGoalZoneMark[fact] == _round)
        {
            return false;
        }

        if (++_searchStamp == int.MaxValue)
        {
            Array.Clear(_visitedMark);
            _searchStamp = 1;
        }

        var top = 0;
        var visitedCount = 0;
        _searchFact[top] = fact;
        _searchPosition[top++] = _achieverStart[fact];
        _visitedMark[fact] = _searchStamp;
        _visited[visitedCount++] = fact;
        while (top > 0)
        {
            var current = _searchFact[top - 1];
            var position = _searchPosition[top - 1];
            var end = _achieverStart[current + 1];
            var descended = false;
            while (position < end)
            {
                var op = _achievers[position++];
                var supporter = _supporter[op];
                if (supporter == NoFact || _goalZoneMark[supporter] == _round || _notBeforeGoalZoneMark[supporter] == _round)
                {
                    continue;
                }

                var known = _beforeGoalZoneMark[supporter] == _round;
                if ((!known && _visitedMark[supporter] == _searchStamp) || EntersGoalZone(op))
                {
                    continue;
                }

                if (known)
                {
                    for (var index = 0; index < top; index++)
                    {
                        _beforeGoalZoneMark[_searchFact[index]] = _round;
                    }

                    return true;
                }

                _searchPosition[top - 1] = position;
                _searchFact[top] = supporter;
                _searchPosition[top++] = _achieverStart[supporter];
                _visitedMark[supporter] = _searchStamp;
                _visited[visitedCount++] = supporter;
                descended = true;
                break;
            }

            if (!descended)
            {
                top--;
            }
        }

        for (var index = 0; index < visitedCount; index++)
        {
            _notBeforeGoalZoneMark[_visited[index]] = _round;
        }

        return false;
    }

    private bool EntersGoalZone(int op)
    {
        for (var effect = _effectStart[op]; effect < _effectStart[op + 1]; effect++)
        {
            if (_goalZoneMark[_effectFacts[effect]] == _round)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lowers h^max after the cut's costs dropped, touching only facts whose cost changes.</summary>
    private void IncrementalExploration()
    {
        var queue = _queue;
        queue.Clear();
        foreach (var op in _cut)
        {
            EnqueueEffects(op, _supporterCost[op] + _cost[op]);
        }

        while (queue.Count > 0)
        {
            var fact = queue.Pop(out var cost);
            if (cost > _factCost[fact])
            {
                continue;
            }

            var next = NoOperator;
            for (var op = _firstSupported[fact]; op != NoOperator; op = next)
            {
                // Updating the supporter may move the operator to another list; remember where this one goes on.
                next = _nextSupported[op];
                var oldSupporterCost = _supporterCost[op];
                if (oldSupporterCost <= cost)
                {
                    continue;
                }

                UpdateSupporter(op);
                var newSupporterCost = _supporterCost[op];
                if (newSupporterCost != oldSupporterCost)
                {
                    EnqueueEffects(op, newSupporterCost + _cost[op]);
                }
            }
        }
    }

    private void UpdateSupporter(int op)
    {
        var best = NoFact;
        var bestCost = -1;
        for (var position = _preconditionStart[op]; position < _preconditionStart[op + 1]; position++)
        {
            var fact = _preconditionFacts[position];
            if (_factCost[fact] > bestCost)
            {
                bestCost = _factCost[fact];
                best = fact;
            }
        }

        _supporterCost[op] = bestCost;
        if (best != _supporter[op])
        {
            UnlinkSupporter(op);
            LinkSupporter(op, best);
        }
    }

    private void LinkSupporter(int op, int fact)
    {
        _supporter[op] = fact;
        var first = _firstSupported[fact];
        _nextSupported[op] = first;
        _previousSupported[op] = NoOperator;
        if (first != NoOperator)
        {
            _previousSupported[first] = op;
        }

        _firstSupported[fact] = op;
    }

    private void UnlinkSupporter(int op)
    {
        var previous = _previousSupported[op];
        var next = _nextSupported[op];
        if (previous == NoOperator)
        {
            _firstSupported[_supporter[op]] = next;
        }
        else
        {
            _nextSupported[previous] = next;
        }

        if (next != NoOperator)
        {
            _previousSupported[next] = previous;
        }
    }
}
