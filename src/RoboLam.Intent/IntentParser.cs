using System.Diagnostics;
using RoboLam.Intent.Checking;
using RoboLam.Intent.Providers;
using RoboLam.Intent.Text;

namespace RoboLam.Intent;

/// <summary>
/// The entry point from words to a checked goal: refuses requests to weaken safety before anything else, asks the
/// provider for a proposal, checks a proposed goal (types, objects, reachability), and asks for confirmation when
/// the reading was unsure. Remembers what the command was about for "it" and "them".
/// </summary>
public sealed class IntentParser
{
    /// <summary>Below this confidence a goal is shown for confirmation instead of executed.</summary>
    public const float DefaultConfirmBelow = 0.3f;

    private const int MaxWords = 60;

    private readonly IIntentProvider _provider;
    private readonly GoalChecker _checker;
    private readonly float _confirmBelow;

    public IntentParser(IIntentProvider provider, GoalChecker? checker = null, float confirmBelow = DefaultConfirmBelow)
    {
        _provider = provider;
        _checker = checker ?? new GoalChecker();
        _confirmBelow = confirmBelow;
    }

    public IntentResult Parse(string utterance, IntentSession session)
    {
        var clock = Stopwatch.StartNew();
        var proposal = Propose(utterance, session);
        if (proposal.Kind == IntentKind.Goal)
        {
            var problem = _checker.Check(proposal.Goal, session.World, session.Schema);
            if (problem is not null)
            {
                proposal = IntentProposal.Refused(problem) with { Frames = proposal.Frames, Confidence = proposal.Confidence };
            }
            else if (proposal.Confidence < _confirmBelow)
            {
                proposal = proposal with
                {
                    Kind = IntentKind.Confirm,
                    Question = $"I am not sure I understood. Did you mean {string.Join(' ', proposal.Goal)}?",
                };
            }
            else
            {
                session.Conversation.Remember(proposal.Mentioned);
            }
        }

        return new IntentResult(proposal.Kind, _provider.Name, clock.Elapsed)
        {
            Goal = proposal.Kind is IntentKind.Goal or IntentKind.Confirm ? proposal.Goal : [],
            Question = proposal.Question,
            Candidates = proposal.Candidates,
            Reason = proposal.Reason,
            Frames = proposal.Frames,
            Confidence = proposal.Confidence,
        };
    }

    private IntentProposal Propose(string utterance, IntentSession session)
    {
        var words = WordSplitter.Split(utterance);
        if (words.Count == 0)
        {
            return IntentProposal.Refused("nothing was said");
        }

        if (words.Count > MaxWords)
        {
            return IntentProposal.Refused($"the command is too long ({words.Count} words); please say one thing at a time");
        }

        var unsafePhrase = session.SafetyGuard.Find(words);
        if (unsafePhrase is not null)
        {
            return IntentProposal.Refused(
                $"the command asks to weaken safety ('{unsafePhrase}'); safety limits cannot be changed by a spoken command");
        }

        return _provider.Propose(utterance, words, session);
    }
}
