namespace RoboLam.Planning;

/// <summary>Resource limits of one <see cref="Planner.Solve"/> call. <see cref="Timeout.InfiniteTimeSpan"/> means no time limit.</summary>
public sealed record SearchLimits(TimeSpan TimeLimit, long MemoryLimitBytes = SearchLimits.DefaultMemoryLimitBytes)
{
    public const long DefaultMemoryLimitBytes = 4L << 30;

    public static SearchLimits Unlimited { get; } = new(Timeout.InfiniteTimeSpan, long.MaxValue);
}
