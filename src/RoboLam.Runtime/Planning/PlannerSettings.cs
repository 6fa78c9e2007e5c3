using RoboLam.Planning;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// The planner's portfolio: one search per configuration, all at once. The first valid plan wins unless a
/// cheaper one arrives within <paramref name="ImprovementWindow"/> after it; <paramref name="TimeBudget"/> bounds each search.
/// </summary>
public sealed record PlannerSettings(
    IReadOnlyList<string> Configurations,
    TimeSpan TimeBudget,
    TimeSpan ImprovementWindow,
    long MemoryLimitBytes = SearchLimits.DefaultMemoryLimitBytes)
{
    /// <summary>A fast greedy search and an optimal one: on two cores they share the machine.</summary>
    public static PlannerSettings Default { get; } =
        new(["lama", "astar(lmcut)"], TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));

    /// <summary>How long a cancelled search may take to return before the session answers anyway.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(1);

    public PlanningRequest RequestFor(string configuration) => new(configuration, TimeBudget, MemoryLimitBytes);
}
