namespace RoboLam.Planning;

/// <summary>
/// The answer of a search. <see cref="Plan"/> lists operator ids (indices into <c>GroundTask.Operators</c>) and is
/// present exactly when <see cref="Outcome"/> is <see cref="SearchOutcome.Solved"/>; <see cref="Cost"/> is its cost
/// under the task's metric (its length without action costs).
/// </summary>
public sealed record SearchResult(SearchOutcome Outcome, IReadOnlyList<int>? Plan, int Cost, SearchStatistics Statistics)
{
    public bool IsSolved => Outcome == SearchOutcome.Solved;
}
