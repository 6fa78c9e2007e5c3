namespace RoboLam.Planning.Search;

/// <summary>What one engine run found; the planner adds the statistics.</summary>
internal sealed record EngineResult(SearchOutcome Outcome, List<int>? Plan, int Cost)
{
    public static EngineResult Stopped(SearchOutcome outcome) => new(outcome, null, 0);
}
