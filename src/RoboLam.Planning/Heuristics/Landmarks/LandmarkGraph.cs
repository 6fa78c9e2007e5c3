namespace RoboLam.Planning.Heuristics.Landmarks;

/// <summary>
/// Fact landmarks of a task (facts every plan makes true at some point) with their orderings: natural
/// (the predecessor must hold some time before) and greedy-necessary (the predecessor must hold right before the
/// landmark is first achieved). Landmark i is fact <see cref="Facts"/>[i].
/// </summary>
internal sealed class LandmarkGraph
{
    public LandmarkGraph(
        int[] facts,
        bool[] isGoal,
        (int[] Start, int[] Items) naturalPredecessors,
        (int[] Start, int[] Items) greedyNecessarySuccessors,
        int realFactCount,
        bool isGoalUnreachable)
    {
        Facts = facts;
        IsGoal = isGoal;
        (NaturalPredecessorStart, NaturalPredecessors) = naturalPredecessors;
        (GreedyNecessarySuccessorStart, GreedyNecessarySuccessors) = greedyNecessarySuccessors;
        IsGoalUnreachable = isGoalUnreachable;
        LandmarkOfFact = new int[realFactCount];
        Array.Fill(LandmarkOfFact, -1);
        for (var landmark = 0; landmark < facts.Length; landmark++)
        {
            LandmarkOfFact[facts[landmark]] = landmark;
        }
    }

    public int Count => Facts.Length;

    public int[] Facts { get; }

    public bool[] IsGoal { get; }

    /// <summary>Landmark index per task fact, or -1.</summary>
    public int[] LandmarkOfFact { get; }

    public int[] NaturalPredecessorStart { get; }

    /// <summary>Landmarks that must hold before landmark i is first achieved (its landmark set in the relaxation).</summary>
    public int[] NaturalPredecessors { get; }

    public int[] GreedyNecessarySuccessorStart { get; }

    /// <summary>Landmarks j such that landmark i must hold immediately before j is first achieved.</summary>
    public int[] GreedyNecessarySuccessors { get; }

    /// <summary>True when some goal fact is unreachable even in the relaxation: the task has no plan.</summary>
    public bool IsGoalUnreachable { get; }
}
