using RoboLam.Planning.Tasks;

namespace RoboLam.Translation;

/// <summary>
/// The grounded task, a report per stage, and, when some goal fact can never hold even in the delete relaxation,
/// sentences that say which goal facts and what is missing for them, or which <c>always</c> invariant the initial
/// state already breaks (the task is then unsolvable).
/// </summary>
public sealed record TranslationResult(
    GroundTask Task,
    IReadOnlyList<StageReport> Stages,
    IReadOnlyList<string> UnreachableGoalExplanations)
{
    /// <summary>False when the goal is relaxed-unreachable or the initial state breaks an invariant: no plan exists, and the explanations say why.</summary>
    public bool GoalIsRelaxedReachable => UnreachableGoalExplanations.Count == 0;

    public TimeSpan TotalElapsed => Stages.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Elapsed);
}
