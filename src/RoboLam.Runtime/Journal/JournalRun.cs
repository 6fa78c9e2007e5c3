using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Journal;

/// <summary>
/// What the command journal found open when the controller started, kept by the controller for the journal's
/// later incarnations. A journal restarted by its back-off supervisor recovers the commands that are running right
/// now; it must not take them for interrupted ones, and it must still answer with what the first start found.
/// Only the journal actor touches it, one incarnation after the other.
/// </summary>
public sealed class JournalRun
{
    /// <summary>Null until the first incarnation has recovered.</summary>
    internal IReadOnlyList<InterruptedCommand>? InterruptedAtStart { get; set; }
}
