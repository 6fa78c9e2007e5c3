namespace RoboLam.Planning.Search;

/// <summary>Running totals of a search (shared by the iterations of an anytime search).</summary>
internal sealed class SearchCounters
{
    public long Expanded;
    public long Evaluated;
    public long Generated;
    public long Reopened;
    public long DeadEnds;
    public int InitialEstimate = -1;

    public SearchStatistics ToStatistics(SearchBudget budget) =>
        new(Expanded, Evaluated, Generated, Reopened, DeadEnds, InitialEstimate, budget.Elapsed, budget.PeakMemoryBytes);
}
