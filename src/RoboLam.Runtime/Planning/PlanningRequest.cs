using RoboLam.Planning;

namespace RoboLam.Runtime.Planning;

/// <summary>How to search: a configuration string such as <c>lama</c> or <c>astar(lmcut)</c>, and the limits.</summary>
public sealed record PlanningRequest(string SearchConfiguration, TimeSpan TimeLimit, long MemoryLimitBytes)
{
    public const string DefaultSearch = "lama";

    public static PlanningRequest Default { get; } =
        new(DefaultSearch, TimeSpan.FromSeconds(60), SearchLimits.DefaultMemoryLimitBytes);
}
