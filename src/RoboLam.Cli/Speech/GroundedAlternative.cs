using System.Diagnostics;
using RoboLam.Intent;
using RoboLam.Intent.Text;
using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Speech;

/// <summary>
/// N-best rescoring by meaning: the recognizer's best word sequence is only the likeliest sound, and a grammar of
/// thousands of commands often puts a near-miss first ("in the black three" for "in the black bin"). When the best
/// one gives neither a goal nor a question, the next-best ones are read in order and the first that grounds in the
/// world is taken (a goal; a question is not enough) — to be read back, never acted on at once, because the operator did not certainly say it.
/// A refusal for safety is final, and an alternative that is a stop phrase is never taken (stops come from the best
/// hypothesis and the stop detectors only).
/// </summary>
internal static class GroundedAlternative
{
    public static HeardCommand Choose(HeardCommand best, ConfidencePolicy policy, IntentParser parser, IntentSession session)
    {
        if (best.Heard is HeardKind.Stop or HeardKind.Nothing
            || best.Intent is { Kind: IntentKind.Goal or IntentKind.Clarify or IntentKind.Confirm }
            || session.SafetyGuard.Find(WordSplitter.Split(best.Recognition.Words)) is not null)
        {
            return best;
        }

        var clock = Stopwatch.StartNew();
        foreach (var alternative in best.Recognition.Alternatives)
        {
            if (alternative.Confidence < policy.RejectBelow || SafetyPhrases.IsStop(alternative.Words) || Replies.Answer(alternative.Words) is not null)
            {
                continue;
            }

            var intent = parser.Parse(alternative.Words, session);
            if (intent.Kind is IntentKind.Goal or IntentKind.Confirm)
            {
                return Taken(best, alternative, intent, clock.Elapsed);
            }
        }

        // Only a goal replaces the best hypothesis: questions made of next-best words turned refusals of small talk
        // and unknown things into questions ("what's the weather like" into "what should I place?").
        return best with { IntentTime = best.IntentTime + clock.Elapsed };
    }

    private static HeardCommand Taken(HeardCommand best, Alternative alternative, IntentResult intent, TimeSpan time) =>
        new(
            best.Recognition with { Words = alternative.Words, Confidence = alternative.Confidence },
            HeardKind.Confirm,
            intent,
            best.IntentTime + time)
        {
            FirstHeard = best.Recognition.Words,
        };
}
