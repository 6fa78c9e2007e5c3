using RoboLam.Speech.Grammar;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The goal of a low-confidence reading, held until the operator's next command says yes or no. Only the very next
/// command can answer it, and only on the table it was read on: any other command, a table that changed, an e-stop
/// or a reset drops it, so a late "yes" never starts something the operator did not just see proposed.
/// </summary>
internal sealed class ReadBack
{
    private readonly object _gate = new();
    private Proposal? _proposal;

    /// <summary>Holds <paramref name="goal"/>, read from <paramref name="words"/> on table version <paramref name="table"/>.</summary>
    public void Propose(IReadOnlyList<string> goal, string words, int table)
    {
        lock (_gate)
        {
            _proposal = new Proposal(goal, words, table);
        }
    }

    public void Drop()
    {
        lock (_gate)
        {
            _proposal = null;
        }
    }

    /// <summary>
    /// Takes the held proposal out (whatever <paramref name="words"/> say: only the next command may answer it) and
    /// says whether <paramref name="words"/> answer it. Null: not an answer, read the words as a command.
    /// </summary>
    public Answer? Take(string words, int table)
    {
        Proposal? proposal;
        lock (_gate)
        {
            proposal = _proposal;
            _proposal = null;
        }

        var reply = Replies.Answer(Plain(words));
        var wholeReply = Replies.Phrases.Contains(Plain(words));
        return (proposal, reply) switch
        {
            (null, _) when wholeReply => new Answer(AnswerKind.NothingProposed, null),
            (null, _) or (_, null) => null,
            (_, false) => new Answer(AnswerKind.No, proposal),
            _ when proposal.Table != table => new Answer(AnswerKind.TableChanged, proposal),
            _ => new Answer(AnswerKind.Yes, proposal),
        };
    }

    /// <summary>Lower case without punctuation: typed "Yes, please." is the spoken "yes please".</summary>
    private static string Plain(string words) =>
        string.Join(' ', new string(words.ToLowerInvariant().Select(letter => char.IsLetter(letter) ? letter : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public sealed record Proposal(IReadOnlyList<string> Goal, string Words, int Table);

    public sealed record Answer(AnswerKind Kind, Proposal? Proposal);

    public enum AnswerKind
    {
        Yes,
        No,
        TableChanged,
        NothingProposed,
    }
}
