using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Heuristics.Landmarks;

/// <summary>
/// The landmark-count heuristic of LAMA (Richter and Westphal 2010), inadmissible. Along the path to a state a
/// landmark is accepted once one of its facts has held; the estimate counts the landmarks not accepted yet plus
/// the accepted fact landmarks required again (false now and a goal, or greedy-necessarily before a landmark not
/// accepted yet), each weighted by its cheapest achiever under the cost mode. Preferred operators are applicable
/// ones that make a needed landmark true.
/// </summary>
internal sealed class LandmarkCountHeuristic : Heuristic
{
    private readonly SearchTask _task;
    private readonly LandmarkGraph _graph;
    private readonly int _wordsPerState;
    private readonly int[] _landmarkCost;
    private readonly bool[] _needed;
    private readonly bool[] _holds;
    private ulong[] _accepted;

    public LandmarkCountHeuristic(SearchTask task, LandmarkGraph graph, OperatorCostMode costMode)
        : base("lmcount")
    {
        _task = task;
        _graph = graph;
        _wordsPerState = Math.Max(1, (graph.Count + 63) / 64);
        _accepted = new ulong[_wordsPerState * 1024];
        _landmarkCost = MinimumAchieverCosts(task, graph, costMode);
        _needed = new bool[graph.Count];
        _holds = new bool[graph.Count];
    }

    public override bool ProducesPreferredOperators => true;

    public LandmarkGraph Graph => _graph;

    public override void OnInitialState(int stateId, ReadOnlySpan<ulong> state)
    {
        var accepted = AcceptedWords(stateId);
        accepted.Clear();
        AcceptTrueLandmarks(state, accepted);
    }

    public override void OnTransition(int parentId, int op, int childId, ReadOnlySpan<ulong> child)
    {
        var accepted = AcceptedWords(childId);
        AcceptedWords(parentId).CopyTo(accepted);
        AcceptTrueLandmarks(child, accepted);
    }

    public override int Evaluate(EvaluationContext context)
    {
        if (_graph.IsGoalUnreachable)
        {
            return DeadEnd;
        }

        ReadOnlySpan<ulong> accepted = AcceptedWords(context.StateId);
        var state = context.State;
        var graph = _graph;
        var total = 0L;
        var anyNeeded = false;
        for (var landmark = 0; landmark < graph.Count; landmark++)
        {
            var holds = Holds(state, landmark);
            _holds[landmark] = holds;
            var needed = !PackedState.Contains(accepted, landmark)
                || (!holds && !graph.IsDisjunctive(landmark) && IsRequiredAgain(landmark, accepted));
            _needed[landmark] = needed;
            if (needed)
            {
                anyNeeded = true;
                total += _landmarkCost[landmark];
            }
        }

        if (context.CollectPreferred && anyNeeded)
        {
            MarkPreferredOperators(context);
        }

        return (int)Math.Min(1 << 30, total);
    }

    private bool IsRequiredAgain(int landmark, ReadOnlySpan<ulong> accepted)
    {
        if (_graph.IsGoal[landmark])
        {
            return true;
        }

        var successors = _graph.GreedyNecessarySuccessors;
        for (var position = _graph.GreedyNecessarySuccessorStart[landmark]; position < _graph.GreedyNecessarySuccessorStart[landmark + 1]; position++)
        {
            if (!PackedState.Contains(accepted, successors[position]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An applicable operator is preferred when one of its effects makes a needed landmark true.</summary>
    private void MarkPreferredOperators(EvaluationContext context)
    {
        var task = _task;
        var state = context.State;
        foreach (var op in context.ApplicableOperators)
        {
            var preferred = false;
            for (var position = task.AddStart[op]; position < task.AddStart[op + 1] && !preferred; position++)
            {
                preferred = AchievesNeeded(state, task.AddFacts[position]);
            }

            for (var effect = task.ConditionalEffectStart[op]; effect < task.ConditionalEffectStart[op + 1] && !preferred; effect++)
            {
                preferred = !task.ConditionalEffectIsDelete[effect]
                    && AchievesNeeded(state, task.ConditionalEffectFact[effect])
                    && PackedState.ContainsAll(state, task.EffectConditionFacts, task.EffectConditionStart[effect], task.EffectConditionStart[effect + 1]);
            }

            if (preferred)
            {
                context.Preferred.Add(op);
            }
        }
    }

    private bool AchievesNeeded(ReadOnlySpan<ulong> state, int fact)
    {
        var graph = _graph;
        for (var position = graph.LandmarksOfFactStart[fact]; position < graph.LandmarksOfFactStart[fact + 1]; position++)
        {
            var landmark = graph.LandmarksOfFact[position];
            if (_needed[landmark] && !_holds[landmark])
            {
                return true;
            }
        }

        return false;
    }

    private bool Holds(ReadOnlySpan<ulong> state, int landmark)
    {
        var graph = _graph;
        for (var position = graph.FactStart[landmark]; position < graph.FactStart[landmark + 1]; position++)
        {
            if (PackedState.Contains(state, graph.Facts[position]))
            {
                return true;
            }
        }

        return false;
    }

    private void AcceptTrueLandmarks(ReadOnlySpan<ulong> state, Span<ulong> accepted)
    {
        for (var landmark = 0; landmark < _graph.Count; landmark++)
        {
            if (Holds(state, landmark))
            {
                PackedState.Add(accepted, landmark);
            }
        }
    }

    private Span<ulong> AcceptedWords(int stateId)
    {
        var end = (long)(stateId + 1) * _wordsPerState;
        if (end > _accepted.Length)
        {
            Array.Resize(ref _accepted, (int)Math.Max(end, _accepted.Length * 2L));
        }

        return new Span<ulong>(_accepted, stateId * _wordsPerState, _wordsPerState);
    }

    private static int[] MinimumAchieverCosts(SearchTask task, LandmarkGraph graph, OperatorCostMode costMode)
    {
        var costs = new int[graph.Count];
        Array.Fill(costs, int.MaxValue);
        void Offer(int fact, int op)
        {
            var cost = costMode switch
            {
                OperatorCostMode.One => 1,
                OperatorCostMode.PlusOne => task.OperatorCosts[op] + 1,
                _ => task.OperatorCosts[op],
            };
            for (var position = graph.LandmarksOfFactStart[fact]; position < graph.LandmarksOfFactStart[fact + 1]; position++)
            {
                var landmark = graph.LandmarksOfFact[position];
                costs[landmark] = Math.Min(costs[landmark], cost);
            }
        }

        for (var op = 0; op < task.OperatorCount; op++)
        {
            for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
            {
                Offer(task.AddFacts[position], op);
            }

            for (var effect = task.ConditionalEffectStart[op]; effect < task.ConditionalEffectStart[op + 1]; effect++)
            {
                if (!task.ConditionalEffectIsDelete[effect])
                {
                    Offer(task.ConditionalEffectFact[effect], op);
                }
            }
        }

        for (var landmark = 0; landmark < costs.Length; landmark++)
        {
            // Derived facts have no operator achiever; their axioms are free, but they still count as one step.
            if (costs[landmark] == int.MaxValue)
            {
                costs[landmark] = costMode == OperatorCostMode.Task ? 0 : 1;
            }
        }

        return costs;
    }
}
