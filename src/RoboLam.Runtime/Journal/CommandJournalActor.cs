using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Journal;

/// <summary>
/// Persists every accepted command, its plans, each action's dispatch and outcome, and the final result. After a
/// restart, every command that had not concluded is recorded as interrupted, with the last action whose effects
/// were confirmed; the controller reports it and never runs it again by itself.
/// </summary>
public sealed class CommandJournalActor : ReceivePersistentActor
{
    public const string JournalPersistenceId = "robolam-command-journal";

    private readonly Dictionary<string, CommandRecord> _open = new(StringComparer.Ordinal);
    private readonly JournalRun _run;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public CommandJournalActor(JournalRun run)
    {
        _run = run;
        Recover<JournalEvent>(Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<JournalEvent>(message => Persist(message, Apply));
        Command<GetInterruptedCommands>(HandleQuery);
        Command<RecordInterruptions>(_ => HandleRecordInterruptions());
        Command<GetOpenCommands>(message => Sender.Tell(new OpenCommands(message.RequestId, _open.Values.Select(Describe).ToArray())));
    }

    public override string PersistenceId => JournalPersistenceId;

    /// <summary>A journal for a new controller run: whatever it recovers as open was interrupted.</summary>
    public static Props Props() => Props(new JournalRun());

    /// <param name="run">Shared by the incarnations of the journal within one controller run.</param>
    public static Props Props(JournalRun run) => Akka.Actor.Props.Create(() => new CommandJournalActor(run));

    private void OnRecovered()
    {
        if (_run.InterruptedAtStart is not null)
        {
            // A restart within this run: the open commands are running now, except interruptions not yet on file.
            _log.Info("Command journal restarted; {0} command(s) open", _open.Count);
            Self.Tell(new RecordInterruptions());
            return;
        }

        _run.InterruptedAtStart = _open.Values.Select(Describe).ToArray();
        foreach (var record in _open.Values)
        {
            _log.Warning(
                "Command {0} ({1}) was interrupted by a restart; last confirmed action: {2}. It will not be resumed.",
                record.GoalId,
                record.Description,
                record.LastConfirmedAction ?? "none");
        }

        // Persisting is for commands, not recovery: record the interruptions as the first command after it.
        Self.Tell(new RecordInterruptions());
    }

    private void HandleRecordInterruptions()
    {
        var interrupted = (_run.InterruptedAtStart ?? []).Where(command => _open.ContainsKey(command.GoalId)).Select(command => new CommandInterrupted(
            command.GoalId, command.LastConfirmedAction, command.ActionsInFlight, DateTimeOffset.UtcNow));
        PersistAll(interrupted, Apply);
    }

    private void HandleQuery(GetInterruptedCommands message) =>
        Sender.Tell(new InterruptedCommands(message.RequestId, _run.InterruptedAtStart ?? []));

    private void Apply(JournalEvent journalEvent)
    {
        switch (journalEvent)
        {
            case CommandAccepted accepted:
                _open[accepted.GoalId] = new CommandRecord(accepted.GoalId, accepted.Description, accepted.At);
                break;
            case ActionDispatchRecorded dispatched when _open.TryGetValue(dispatched.GoalId, out var record):
                record.InFlight[dispatched.ActionId] = $"{dispatched.Action} on {dispatched.DeviceId}";
                break;
            case ActionConfirmationRecorded confirmed when _open.TryGetValue(confirmed.GoalId, out var record):
                record.InFlight.Remove(confirmed.ActionId);
                record.LastConfirmedAction = confirmed.Action;
                break;
            case ActionFailureRecorded failed when _open.TryGetValue(failed.GoalId, out var record):
                record.InFlight.Remove(failed.ActionId);
                break;
            case CommandConcluded or CommandInterrupted:
                _open.Remove(journalEvent.GoalId);
                break;
        }
    }

    private static InterruptedCommand Describe(CommandRecord record) =>
        new(record.GoalId, record.Description, record.LastConfirmedAction, record.InFlight.Values.ToArray(), record.AcceptedAt);

    /// <summary>Sent to itself when recovery completes.</summary>
    private sealed record RecordInterruptions;

    private sealed class CommandRecord(string goalId, string description, DateTimeOffset acceptedAt)
    {
        public string GoalId { get; } = goalId;

        public string Description { get; } = description;

        public DateTimeOffset AcceptedAt { get; } = acceptedAt;

        public string? LastConfirmedAction { get; set; }

        public Dictionary<string, string> InFlight { get; } = new(StringComparer.Ordinal);
    }
}
