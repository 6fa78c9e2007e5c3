namespace RoboLam.Planning.Heuristics;

/// <summary>Which operator costs a heuristic adds up (as Fast Downward's cost transformations).</summary>
internal enum OperatorCostMode
{
    /// <summary>The task's costs (1 each without action costs).</summary>
    Task,

    /// <summary>Every operator costs 1: estimates plan length, which finds a first plan fastest.</summary>
    One,

    /// <summary>The task's cost plus 1, so zero-cost operators still count.</summary>
    PlusOne,
}
