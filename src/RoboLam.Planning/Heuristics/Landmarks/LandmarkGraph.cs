namespace RoboLam.Planning.Heuristics.Landmarks;

/// <summary>
/// Landmarks of a task with their orderings. A landmark is a set of facts one of which every plan makes true at
/// some point: one fact (a fact landmark) or several (a disjunctive landmark). Orderings: natural (the
/// predecessor holds some time before) and greedy-necessary (the predecessor holds right before the landmark is
/// first achieved).
/// </summary>
internal sealed class LandmarkGraph
{
    public LandmarkGraph(
        (int[] Start, int[] Items) facts,
        bool[] isGoal,
        (int[] Start, int[] Items) naturalPredecessors,
        (int[] Start, int[] Items) greedyNecessarySuccessors,
        int realFactCount,
        bool isGoalUnreachable)
    {
        (FactStart, Facts) = facts;
        IsGoal = isGoal;
        (NaturalPredecessorStart, NaturalPredecessors) = naturalPredecessors;
        (GreedyNecessarySuccessorStart, GreedyNecessarySuccessors) = greedyNecessarySuccessors;
        IsGoalUnreachable = isGoalUnreachable;
        (LandmarksOfFactStart, LandmarksOfFact) = Tasks.FlatListBuilder.Invert(FactStart, Facts, realFactCount);
    }

    public int Count => FactStart.Length - 1;

    /// <summary>Landmark i is the disjunction of Facts[FactStart[i]..FactStart[i+1]].</summary>
    public int[] FactStart { get; }

    public int[] Facts { get; }

    public bool[] IsGoal { get; }

    /// <summary>The landmarks a task fact belongs to: LandmarksOfFact[LandmarksOfFactStart[f]..LandmarksOfFactStart[f+1]].</summary>
    public int[] LandmarksOfFactStart { get; }

    public int[] LandmarksOfFact { get; }

    public int[] NaturalPredecessorStart { get; }

    /// <summary>Landmarks that must hold before landmark i is first achieved.</summary>
    public int[] NaturalPredecessors { get; }

    public int[] GreedyNecessarySuccessorStart { get; }

    /// <summary>Landmarks j such that landmark i must hold immediately before j is first achieved.</summary>
    public int[] GreedyNecessarySuccessors { get; }

    /// <summary>True when some goal fact is unreachable even in the relaxation: the task has no plan.</summary>
    public bool IsGoalUnreachable { get; }

    public bool IsDisjunctive(int landmark) => FactStart[landmark + 1] - FactStart[landmark] > 1;
}
