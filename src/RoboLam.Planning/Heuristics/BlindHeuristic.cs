using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Heuristics;

/// <summary>0 in goal states, the cheapest operator cost elsewhere: admissible and uninformed, a baseline for A*.</summary>
internal sealed class BlindHeuristic : Heuristic
{
    private readonly int[] _goal;
    private readonly int _minimumCost;

    public BlindHeuristic(SearchTask task)
        : base("blind")
    {
        _goal = task.Goal;
        _minimumCost = task.MinimumOperatorCost;
    }

    public override bool IsAdmissible => true;

    public override int Evaluate(EvaluationContext context) =>
        PackedState.ContainsAll(context.State, _goal, 0, _goal.Length) ? 0 : _minimumCost;
}
