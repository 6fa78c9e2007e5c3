namespace RoboLam.Cli.Line.Scale;

/// <summary>What one cell's driver saw: commands issued and how they ended, the completions inside the measured window.</summary>
internal sealed record CellTally(
    string Cell,
    long Issued,
    long Completed,
    long Failed,
    long InFlight,
    long CompletedInWindow,
    long DuplicateAnswers,
    long PartsShipped,
    IReadOnlyList<string> FailureReasons);
