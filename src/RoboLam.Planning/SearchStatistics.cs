namespace RoboLam.Planning;

/// <summary>What a search did: states expanded, heuristic evaluations, successors generated, time and peak managed memory.</summary>
public sealed record SearchStatistics(
    long Expanded,
    long Evaluated,
    long Generated,
    long Reopened,
    long DeadEnds,
    int InitialEstimate,
    TimeSpan SearchTime,
    long PeakMemoryBytes);
