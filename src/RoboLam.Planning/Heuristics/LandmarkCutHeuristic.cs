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
/// update visits supported operators only. Per-operator and per-fact working data live in two struct arrays reset
/// by one copy per evaluation (measured no faster than parallel arrays, but one reset instead of six); round marks
/// are stamps, so nothing is cleared per round.
/// </summary>
internal sealed class LandmarkCutHeuristic : Heuristic
{
    private const int Infinity = int.MaxValue;
    private const int None = -1;

    private readonly int _goalFact;
    private readonly int _trueFact;
    private readonly int[] _preconditionStart;
    private readonly int[] _preconditionFacts;
    private readonly int[] _effectStart;
    private readonly int[] _effectFacts;
    private readonly int[] _preconditionOfStart;
    private readonly int[] _preconditionOf;
    private readonly int[] _achieverStart;
    private readonly int[] _achievers;
    private readonly bool[] _breaksSupporterTie;
    private readonly OperatorState[] _initialOperators;
    private readonly OperatorState[] _operators;
    private readonly FactState[] _initialFacts;
    private readonly FactState[] _facts;
    private readonly int[] _stateFacts;
    private readonly int[] _stack;
    private readonly int[] _searchFact;
    private readonly int[] _searchPosition;
    private readonly int[] _visited;
    private readonly int[] _visitedStamp;
    private readonly BucketQueue _queue = new();
    private readonly List<int> _cut = [];
    private readonly List<int> _candidates = [];
    private int _searchStamp;

    // Round marks on facts: GoalZone, BeforeGoalZone and NotBeforeGoalZone are _round*3 + 0, 1, 2. Rounds count
    // from 1 in each evaluation (at most one per operator, as every cut zeroes one), whose start resets the marks.
    private int _round;

    public LandmarkCutHeuristic(RelaxedTask task)
        : base("lmcut")
    {
        _goalFact = task.FactCount;
        _trueFact = task.FactCount + 1;
        var factCount = task.FactCount + 2;
        var operatorCount = task.OperatorCount + 1;
        var preconditions = new FlatListBuilder();
        var effects = new FlatListBuilder();
        var baseCosts = new int[operatorCount];
        for (var op = 0; op < task.OperatorCount; op++)
        {
            var start = task.PreconditionStart[op];
            var end = task.PreconditionStart[op + 1];
            preconditions.Add(start == end ? [_trueFact] : task.PreconditionFacts.AsSpan(start, end - start).ToArray());
            effects.Add(task.AddFacts.AsSpan(task.AddStart[op], task.AddStart[op + 1] - task.AddStart[op]).ToArray());
            baseCosts[op] = task.Costs[op];
        }

        preconditions.Add(task.Goal.Length == 0 ? [_trueFact] : task.Goal);
        effects.Add([_goalFact]);
        (_preconditionStart, _preconditionFacts) = preconditions.Build();
        (_effectStart, _effectFacts) = effects.Build();
        (_preconditionOfStart, _preconditionOf) = FlatListBuilder.Invert(_preconditionStart, _preconditionFacts, factCount);
        (_achieverStart, _achievers) = FlatListBuilder.Invert(_effectStart, _effectFacts, factCount);
        // Which zero-cost operators get their supporter tie broken in the goal zone: those whose cost cuts used up,
        // and the artificial goal operator (visitall: spreading the goal's supporter over untouched goals keeps h
        // near perfect), not those free from the start (elevators' boarding).
        _breaksSupporterTie = baseCosts.Select(cost => cost > 0).ToArray();
        _breaksSupporterTie[task.OperatorCount] = true;
        _initialOperators = new OperatorState[operatorCount];
        _initialFacts = new FactState[factCount];
        for (var fact = 0; fact < factCount; fact++)
        {
            _initialFacts[fact] = new FactState { Cost = Infinity, FirstSupported = None };
        }

        for (var op = 0; op < operatorCount; op++)
        {
            _initialOperators[op] = new OperatorState
            {
                Cost = baseCosts[op],
                Unsatisfied = _preconditionStart[op + 1] - _preconditionStart[op],
                Supporter = None,
            };
            if (baseCosts[op] == 0)
            {
                for (var position = _effectStart[op]; position < _effectStart[op + 1]; position++)
                {
                    _initialFacts[_effectFacts[position]].ZeroCostAchievers++;
                }
            }
        }

        _operators = new OperatorState[operatorCount];
        _facts = new FactState[factCount];
        _stateFacts = new int[Math.Max(1, task.RealFactCount)];
        _stack = new int[factCount];
        _searchFact = new int[factCount];
        _searchPosition = new int[factCount];
        _visited = new int[factCount];
        _visitedStamp = new int[factCount];
    }

    public override bool IsAdmissible => true;

    public override int Evaluate(EvaluationContext context)
    {
        var stateFactCount = PackedState.ListFacts(context.State, _stateFacts);
        FirstExploration(stateFactCount);
        if (_facts[_goalFact].Cost == Infinity)
        {
            return DeadEnd;
        }

        var total = 0;
        while (_facts[_goalFact].Cost != 0)
        {
            _round++;
            MarkGoalZone();
            FindCut(stateFactCount);
            var cutCost = Infinity;
            foreach (var op in _cut)
            {
                cutCost = Math.Min(cutCost, _operators[op].Cost);
            }

            total += cutCost;
            foreach (var op in _cut)
            {
                ref var state = ref _operators[op];
                state.Cost -= cutCost;
                if (state.Cost == 0)
                {
                    for (var position = _effectStart[op]; position < _effectStart[op + 1]; position++)
                    {
                        _facts[_effectFacts[position]].ZeroCostAchievers++;
                    }
                }
            }

            IncrementalExploration();
        }

        return total;
    }

    private int GoalZoneMark => _round * 3;

    private int BeforeGoalZoneMark => (_round * 3) + 1;

    private int NotBeforeGoalZoneMark => (_round * 3) + 2;

    private void FirstExploration(int stateFactCount)
    {
        var facts = _facts;
        var operators = _operators;
        Array.Copy(_initialFacts, facts, facts.Length);
        Array.Copy(_initialOperators, operators, operators.Length);
        _round = 0;
        var queue = _queue;
        queue.Clear();
        for (var index = 0; index < stateFactCount; index++)
        {
            var fact = _stateFacts[index];
            facts[fact].Cost = 0;
            queue.Push(0, fact);
        }

        facts[_trueFact].Cost = 0;
        queue.Push(0, _trueFact);
        var preconditionOfStart = _preconditionOfStart;
        var preconditionOf = _preconditionOf;
        while (queue.Count > 0)
        {
            var fact = queue.Pop(out var cost);
            if (cost > facts[fact].Cost)
            {
                continue;
            }

            var end = preconditionOfStart[fact + 1];
            for (var position = preconditionOfStart[fact]; position < end; position++)
            {
                var op = preconditionOf[position];
                ref var state = ref operators[op];
                if (--state.Unsatisfied == 0)
                {
                    // Facts leave the queue in cost order, so the last precondition reached is a most expensive one.
                    state.SupporterCost = cost;
                    LinkSupporter(op, fact);
                    EnqueueEffects(op, cost + state.Cost);
                }
            }
        }
    }

    private void EnqueueEffects(int op, int target)
    {
        var facts = _facts;
        var effectFacts = _effectFacts;
        var end = _effectStart[op + 1];
        for (var position = _effectStart[op]; position < end; position++)
        {
            var fact = effectFacts[position];
            ref var cost = ref facts[fact].Cost;
            if (target < cost)
            {
                cost = target;
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
        var facts = _facts;
        var operators = _operators;
        var zone = GoalZoneMark;
        var stack = _stack;
        var top = 0;
        facts[_goalFact].Mark = zone;
        stack[top++] = _goalFact;
        while (top > 0)
        {
            var fact = stack[--top];
            var end = _achieverStart[fact + 1];
            for (var position = _achieverStart[fact]; position < end; position++)
            {
                var op = _achievers[position];
                ref var state = ref operators[op];
                if (state.Supporter == None)
                {
                    continue;
                }

                if (state.Cost > 0)
                {
                    if (state.CandidateRound != _round)
                    {
                        state.CandidateRound = _round;
                        _candidates.Add(op);
                    }
                }
                else
                {
                    var supporter = _breaksSupporterTie[op] ? BreakSupporterTie(op) : state.Supporter;
                    if (facts[supporter].Mark != zone)
                    {
                        facts[supporter].Mark = zone;
                        stack[top++] = supporter;
                    }
                }
            }
        }
    }

    /// <summary>
    /// For an operator whose cost earlier cuts used up (and the goal operator), picks among its equally expensive
    /// preconditions one that no zero-cost operator achieves (the zone then stops at it), else one already in the
    /// zone; both keep the zone small. Operators that cost nothing to begin with (elevators' boarding) keep their
    /// h^max supporter: there this choice would stop the zone at the costly precondition and weaken the estimate
    /// (elevators p01: 4,961 expansions with it, 1,945 without).
    /// </summary>
    private int BreakSupporterTie(int op)
    {
        ref var state = ref _operators[op];
        var supporterCost = state.SupporterCost;
        var choice = state.Supporter;
        var inZone = None;
        var zone = GoalZoneMark;
        for (var position = _preconditionStart[op]; position < _preconditionStart[op + 1]; position++)
        {
            var fact = _preconditionFacts[position];
            ref var factState = ref _facts[fact];
            if (factState.Cost != supporterCost)
            {
                continue;
            }

            if (factState.ZeroCostAchievers == 0)
            {
                choice = fact;
                inZone = None;
                break;
            }

            if (inZone == None && factState.Mark == zone)
            {
                inZone = fact;
            }
        }

        if (inZone != None)
        {
            choice = inZone;
        }

        if (choice != state.Supporter)
        {
            UnlinkSupporter(op);
            LinkSupporter(op, choice);
        }

        return choice;
    }

    /// <summary>
    /// The cut: candidates whose supporter is reached from the state along supporters without entering the goal
    /// zone. Instead of walking that whole region forward, each candidate's supporter is checked backwards.
    /// </summary>
    private void FindCut(int stateFactCount)
    {
        _cut.Clear();
        var before = BeforeGoalZoneMark;
        for (var index = 0; index < stateFactCount; index++)
        {
            _facts[_stateFacts[index]].Mark = before;
        }

        _facts[_trueFact].Mark = before;
        foreach (var op in _candidates)
        {
            if (IsBeforeGoalZone(_operators[op].Supporter))
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
        var facts = _facts;
        var zone = GoalZoneMark;
        var before = BeforeGoalZoneMark;
        var notBefore = NotBeforeGoalZoneMark;
        var mark = facts[fact].Mark;
        if (mark == before)
        {
            return true;
        }

        if (mark == zone || mark == notBefore)
        {
            return false;
        }

        if (++_searchStamp == int.MaxValue)
        {
            Array.Clear(_visitedStamp);
            _searchStamp = 1;
        }

        var stamp = _searchStamp;
        var visitedStamp = _visitedStamp;
        var achievers = _achievers;
        var achieverStart = _achieverStart;
        var operators = _operators;
        var top = 0;
        var visitedCount = 0;
        _searchFact[top] = fact;
        _searchPosition[top++] = achieverStart[fact];
        visitedStamp[fact] = stamp;
        _visited[visitedCount++] = fact;
        while (top > 0)
        {
            var current = _searchFact[top - 1];
            var position = _searchPosition[top - 1];
            var end = achieverStart[current + 1];
            var descended = false;
            while (position < end)
            {
                var op = achievers[position++];
                var supporter = operators[op].Supporter;
                if (supporter == None)
                {
                    continue;
                }

                var supporterMark = facts[supporter].Mark;
                if (supporterMark == zone || supporterMark == notBefore)
                {
                    continue;
                }

                var known = supporterMark == before;
                if ((!known && visitedStamp[supporter] == stamp) || EntersGoalZone(op))
                {
                    continue;
                }

                if (known)
                {
                    for (var index = 0; index < top; index++)
                    {
                        facts[_searchFact[index]].Mark = before;
                    }

                    return true;
                }

                _searchPosition[top - 1] = position;
                _searchFact[top] = supporter;
                _searchPosition[top++] = achieverStart[supporter];
                visitedStamp[supporter] = stamp;
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
            facts[_visited[index]].Mark = notBefore;
        }

        return false;
    }

    private bool EntersGoalZone(int op)
    {
        var zone = GoalZoneMark;
        var end = _effectStart[op + 1];
        for (var effect = _effectStart[op]; effect < end; effect++)
        {
            if (_facts[_effectFacts[effect]].Mark == zone)
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
        var operators = _operators;
        var facts = _facts;
        queue.Clear();
        foreach (var op in _cut)
        {
            EnqueueEffects(op, operators[op].SupporterCost + operators[op].Cost);
        }

        while (queue.Count > 0)
        {
            var fact = queue.Pop(out var cost);
            if (cost > facts[fact].Cost)
            {
                continue;
            }

            var next = None;
            for (var op = facts[fact].FirstSupported; op != None; op = next)
            {
                // Updating the supporter may move the operator to another list; remember where this one goes on.
                ref var state = ref operators[op];
                next = state.NextSupported;
                var oldSupporterCost = state.SupporterCost;
                if (oldSupporterCost <= cost)
                {
                    continue;
                }

                UpdateSupporter(op);
                if (state.SupporterCost != oldSupporterCost)
                {
                    EnqueueEffects(op, state.SupporterCost + state.Cost);
                }
            }
        }
    }

    /// <summary>
    /// Recomputes the supporter of an operator whose supporter got cheaper: a most expensive precondition, the
    /// current supporter while it is still one of them (as Fast Downward does; a stable choice keeps cuts apart).
    /// </summary>
    private void UpdateSupporter(int op)
    {
        ref var state = ref _operators[op];
        var facts = _facts;
        var best = state.Supporter;
        var bestCost = facts[best].Cost;
        var end = _preconditionStart[op + 1];
        for (var position = _preconditionStart[op]; position < end; position++)
        {
            var fact = _preconditionFacts[position];
            var cost = facts[fact].Cost;
            if (cost > bestCost)
            {
                bestCost = cost;
                best = fact;
            }
        }

        state.SupporterCost = bestCost;
        if (best != state.Supporter)
        {
            UnlinkSupporter(op);
            LinkSupporter(op, best);
        }
    }

    private void LinkSupporter(int op, int fact)
    {
        ref var state = ref _operators[op];
        ref var first = ref _facts[fact].FirstSupported;
        state.Supporter = fact;
        state.NextSupported = first;
        state.PreviousSupported = None;
        if (first != None)
        {
            _operators[first].PreviousSupported = op;
        }

        first = op;
    }

    private void UnlinkSupporter(int op)
    {
        ref var state = ref _operators[op];
        var previous = state.PreviousSupported;
        var next = state.NextSupported;
        if (previous == None)
        {
            _facts[state.Supporter].FirstSupported = next;
        }
        else
        {
            _operators[previous].NextSupported = next;
        }

        if (next != None)
        {
            _operators[next].PreviousSupported = previous;
        }
    }

    /// <summary>One relaxed operator's working data during an evaluation.</summary>
    private struct OperatorState
    {
        public int Cost;
        public int Unsatisfied;
        public int Supporter;
        public int SupporterCost;
        public int NextSupported;
        public int PreviousSupported;
        public int CandidateRound;
    }

    /// <summary>One fact's working data during an evaluation; <see cref="Mark"/> carries the round stamps.</summary>
    private struct FactState
    {
        public int Cost;
        public int FirstSupported;
        public int Mark;
        public int ZeroCostAchievers;
    }
}
