using RoboLam.Planning.Heuristics;

namespace RoboLam.Planning.Search;

/// <summary>
/// Settings of the best-first searches. <see cref="Weight"/> 0 means greedy (order by h alone); otherwise the
/// order is g + Weight·h (1 is A*).
/// </summary>
internal sealed record BestFirstOptions(
    IReadOnlyList<Heuristic> Heuristics,
    bool UsePreferred,
    int Weight,
    bool ReopenClosed,
    int Boost = BestFirstOptions.DefaultBoost,
    int CostBound = int.MaxValue)
{
    public const int DefaultBoost = 1000;
}
