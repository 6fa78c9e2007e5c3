using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Heuristics;

/// <summary>The number of goal facts that do not hold yet.</summary>
internal sealed class GoalCountHeuristic : Heuristic
{
    private readonly int[] _goal;

    public GoalCountHeuristic(SearchTask task)
        : base("goalcount")
    {
        _goal = task.Goal;
    }

    public override int Evaluate(EvaluationContext context)
    {
        var count = 0;
        foreach (var fact in _goal)
        {
            if (!PackedState.Contains(context.State, fact))
            {
                count++;
            }
        }

        return count;
    }
}
