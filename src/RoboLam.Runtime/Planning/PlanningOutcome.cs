namespace RoboLam.Runtime.Planning;

public enum PlanningOutcome
{
    /// <summary>A plan was found and the validator accepted it.</summary>
    Solved,

    /// <summary>No plan exists: the goal is relaxed-unreachable or the search space is exhausted.</summary>
    Unsolvable,

    TimeLimit,

    MemoryLimit,

    Cancelled,

    /// <summary>The task uses a construct the translator does not support yet.</summary>
    Unsupported,

    /// <summary>The search returned a plan that the validator rejected: a bug, reported rather than executed.</summary>
    InvalidPlan,

    /// <summary>Planning threw or a planner actor crashed: a bug, reported with what is known.</summary>
    InternalError,
}
