using RoboLam.Cli.Simulation;
using RoboLam.Intent;
using RoboLam.Intent.Providers;
using RoboLam.Intent.Worlds;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.World;
using RoboLam.Safety.EmergencyStop;
using RoboLam.Safety.Language;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli.Operator;

/// <summary>
/// A simulated arm cell that stays up and takes command after command: words through Safety's language check and the
/// intent layer (grounded on the table as it is now), goals into the runtime's goal queue, stops straight into the
/// Safety supervisor's e-stop latch, resets only as an explicit request that the supervisor may refuse. The MQTT
/// listener and the voice loop both drive it; each answer goes back as <see cref="OperatorReply"/> values.
/// </summary>
internal sealed class LiveArmCell : IDisposable
{
    private readonly NeuralIntentProvider _provider;
    private readonly IntentParser _parser;
    private readonly World _startWorld;
    private readonly object _parseGate = new();
    private readonly TextWriter _log;
    private readonly ReadBack _readBack = new();
    private IntentSession _session;
    private int _tableVersion;
    private int _sessionVersion;
    private int _goals;
    private int _running;

    private LiveArmCell(ArmController arm, World startWorld, TextWriter log, float confirmBelow)
    {
        Arm = arm;
        _startWorld = startWorld;
        _log = log;
        _provider = NeuralIntentProvider.LoadShipped();
        _parser = new IntentParser(_provider, confirmBelow: confirmBelow);
        _session = new IntentSession(startWorld, arm.Inputs.Domain);
        arm.World.BlockMoved += (_, _) => Interlocked.Increment(ref _tableVersion);
        arm.Cell.Supervisor.StopDemanded += (_, demand) => Log($"SAFETY STOP ({demand.Rule}): {demand.Request.Reason}");
    }

    public ArmController Arm { get; }

    public SafetySupervisor Supervisor => Arm.Cell.Supervisor;

    /// <summary>The scenario's world for the speech grammar (objects, colours): they do not change, only where they are.</summary>
    public World StartWorld => _startWorld;

    /// <summary>Builds the cell and the controller from a scenario and starts them; the intent model is loaded first.</summary>
    /// <param name="confirmBelow">Readings less sure than this are read back and wait for a "yes" (<see cref="IntentParser.DefaultConfirmBelow"/>).</param>
    /// <exception cref="WorldFileException">The scenario's world is not a world the intent layer can read.</exception>
    public static LiveArmCell Start(ScenarioInputs inputs, TextWriter log, IFactSensing? sensing = null, float confirmBelow = IntentParser.DefaultConfirmBelow)
    {
        var world = WorldLoader.Parse(inputs.Scenario.WorldJson, inputs.Scenario.SourcePath + ": world");
        var arm = new ArmController(inputs, inputs.CreateWorld(), sensing);
        try
        {
            var cell = new LiveArmCell(arm, world, TextWriter.Synchronized(log), confirmBelow);
            arm.Start();
            return cell;
        }
        catch
        {
            arm.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A command in words: refused when it asks to weaken safety, else read by the intent layer; a goal goes to the
    /// goal queue and its events follow through <paramref name="reply"/>; a question or a refusal ends the request
    /// with nothing moved; a low-confidence reading is read back, and only a "yes" as the very next command runs it.
    /// </summary>
    public void Command(string words, Action<OperatorReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrWhiteSpace(words))
        {
            _readBack.Drop();
            reply(new OperatorReply(OperatorReplyKind.Refused, "the command is empty; say what the arm should do") { Reason = "empty command", ExitCode = ExitCodes.CommandRefused, Final = true });
            return;
        }

        if (SafetyLanguage.FindWeakeningRequest(words) is { } weakening)
        {
            _readBack.Drop();
            Answer(words, reply, new OperatorReply(OperatorReplyKind.Refused, "refused: " + weakening.Reason) { Words = words, Reason = weakening.Reason, ExitCode = ExitCodes.CommandRefused, Final = true });
            return;
        }

        // Read before the words: a table that changes while they are read makes a later "yes" stale, never the reverse.
        var table = Volatile.Read(ref _tableVersion);
        if (_readBack.Take(words, table) is { } answer)
        {
            AnswerReadBack(words, answer, reply);
            return;
        }

        IntentResult result;
        lock (_parseGate)
        {
            result = _parser.Parse(words, CurrentSession());
        }

        switch (result.Kind)
        {
            case IntentKind.Goal:
                Goal(result.Goal.Select(fact => fact.ToString()).ToArray(), words, reply);
                break;
            case IntentKind.Clarify:
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Question, result.Question ?? "which one?")
                {
                    Words = words, Question = result.Question, Candidates = result.Candidates, ExitCode = ExitCodes.ClarificationNeeded, Final = true,
                });
                break;
            case IntentKind.Confirm:
                var proposed = result.Goal.Select(fact => fact.ToString()).ToArray();
                _readBack.Propose(proposed, words, table);
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Confirm, $"not sure I understood: goal {string.Join(' ', proposed)}? nothing moves until the next command says yes (or no, or says it again in other words)")
                {
                    Words = words, Goal = proposed, ExitCode = ExitCodes.ClarificationNeeded, Final = true,
                });
                break;
            default:
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Refused, "refused: " + result.Reason) { Words = words, Reason = result.Reason, ExitCode = ExitCodes.CommandRefused, Final = true });
                break;
        }
    }

    private void AnswerReadBack(string words, ReadBack.Answer answer, Action<OperatorReply> reply)
    {
        var proposed = answer.Proposal is { } proposal ? $"\"{proposal.Words}\" (goal {string.Join(' ', proposal.Goal)})" : null;
        switch (answer.Kind)
        {
            case ReadBack.AnswerKind.Yes:
                Goal(answer.Proposal!.Goal, answer.Proposal.Words, reply);
                break;
            case ReadBack.AnswerKind.No:
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Refused, $"dropped {proposed}; nothing moves") { Words = words, Reason = "the operator said no", ExitCode = ExitCodes.CommandRefused, Final = true });
                break;
            case ReadBack.AnswerKind.TableChanged:
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Refused, $"the table changed since {proposed} was read back; nothing moves: give the command again")
                {
                    Words = words, Reason = "the table changed since the read-back", ExitCode = ExitCodes.CommandRefused, Final = true,
                });
                break;
            default:
                Answer(words, reply, new OperatorReply(OperatorReplyKind.Refused, "nothing waits for a yes or a no; give a command") { Words = words, Reason = "nothing to confirm", ExitCode = ExitCodes.CommandRefused, Final = true });
                break;
        }
    }

    /// <summary>A goal already read and checked (the voice loop's): into the goal queue; its events follow.</summary>
    public void Goal(IReadOnlyList<string> goal, string words, Action<OperatorReply> reply)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(reply);
        var goalId = $"op-{Interlocked.Increment(ref _goals)}";
        Answer(words, reply, new OperatorReply(OperatorReplyKind.Accepted, $"{goalId}: goal {string.Join(' ', goal)}") { Words = words, GoalId = goalId, Goal = goal });
        Interlocked.Increment(ref _running);
        Arm.Submit(goalId, goal, words, message => Follow(goalId, message, reply));
    }

    /// <summary>Latches the e-stop at once (the arm stops as the robot file says); nothing resumes until a reset and a new command.</summary>
    public OperatorReply EmergencyStop(StopSource source, string detail)
    {
        var clock = Arm.Cell.Rig.Clock;
        Supervisor.RequestEmergencyStop(source, detail, clock.GetUtcNow());
        _readBack.Drop();
        var status = Supervisor.Status(clock.GetUtcNow());
        var reply = new OperatorReply(OperatorReplyKind.EmergencyStop, $"e-stop latched ({status.Mode}); reset it when the cause is gone, then give a new command")
        {
            Event = status.Mode.ToString(), ExitCode = ExitCodes.Success, Final = true,
        };
        Log(reply.Text);
        return reply;
    }

    /// <summary>An explicit reset: accepted only when every cause is gone; nothing restarts by itself.</summary>
    public OperatorReply Reset()
    {
        var now = Arm.Cell.Rig.Clock.GetUtcNow();
        var result = Supervisor.Reset(now);
        _readBack.Drop();
        var reply = new OperatorReply(OperatorReplyKind.Reset, result.Message)
        {
            Reason = result.Accepted ? null : string.Join("; ", result.Blocking),
            ExitCode = result.Accepted ? ExitCodes.Success : ExitCodes.EmergencyStop,
            Final = true,
        };
        Log(reply.Text);
        return reply;
    }

    /// <summary>Waits until every goal given has finished; false when <paramref name="limit"/> ran out first.</summary>
    public bool WaitForGoals(TimeSpan limit) => SpinWait.SpinUntil(() => Volatile.Read(ref _running) == 0, limit);

    public SafetyStatus Status() => Supervisor.Status(Arm.Cell.Rig.Clock.GetUtcNow());

    public void Dispose()
    {
        Arm.Dispose();
        _provider.Dispose();
    }

    private void Follow(string goalId, object message, Action<OperatorReply> reply)
    {
        var text = GoalEventText.Describe(message, out var kind);
        if (text is null)
        {
            return;
        }

        Arm.Cell.Trace.Add(kind, $"{goalId}: {text}");
        Log($"{goalId}: {text}");
        if (message is GoalFinished finished)
        {
            Interlocked.Decrement(ref _running);
            var code = OutcomeExitCodes.For(finished.Outcome, Status());
            reply(new OperatorReply(OperatorReplyKind.Finished, text) { GoalId = goalId, Event = finished.Outcome.Status.ToString(), ExitCode = code, Final = true });
        }
        else
        {
            reply(new OperatorReply(OperatorReplyKind.Progress, text) { GoalId = goalId, Event = kind });
        }
    }

    private void Answer(string words, Action<OperatorReply> reply, OperatorReply answer)
    {
        Log($"\"{words}\" → {answer.Text}");
        reply(answer);
    }

    /// <summary>The intent session on the table as the camera sees it now (a new one after the table changed); "it" and "them" carry over.</summary>
    public IntentSession SessionNow()
    {
        lock (_parseGate)
        {
            return CurrentSession();
        }
    }

    private IntentSession CurrentSession()
    {
        var version = Volatile.Read(ref _tableVersion);
        if (version != _sessionVersion)
        {
            var fresh = new IntentSession(TableNow(), Arm.Inputs.Domain);
            fresh.Conversation.Remember(_session.Conversation.Referents);
            _session = fresh;
            _sessionVersion = version;
        }

        return _session;
    }

    private World TableNow()
    {
        var blocks = Arm.World.Blocks.ToDictionary(block => block.Name, StringComparer.OrdinalIgnoreCase);
        var objects = _startWorld.Objects
            .Select(item => blocks.TryGetValue(item.Name, out var block) ? item with { X = block.Bottom.XMeters, Y = block.Bottom.YMeters } : item)
            .ToArray();
        return new World(_startWorld.DomainName, objects, Arm.World.Facts().Select(Fact.Parse).ToArray());
    }

    private void Log(string line) => _log.WriteLine($"  {SimulationSession.Clock(Arm.Cell.Trace.Now)}  {line}");
}
