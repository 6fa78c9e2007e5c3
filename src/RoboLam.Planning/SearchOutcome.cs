namespace RoboLam.Planning;

/// <summary>How a search ended.</summary>
public enum SearchOutcome
{
    /// <summary>A plan was found (for anytime searches: at least one).</summary>
    Solved,

    /// <summary>The search space was exhausted: no plan exists (or none cheaper than the bound of an anytime iteration).</summary>
    Unsolvable,

    TimeLimit,

    MemoryLimit,

    Cancelled,
}
