using RoboLam.Intent;
using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Speech;

/// <summary>
/// The conversation of the live loop: each heard utterance through the intent layer, a read-back when unsure
/// (the next "yes" sends the goal, "no" drops it), questions and refusals said back when <c>--say</c> is on.
/// </summary>
internal sealed class VoiceSession(IntentParser parser, IntentSession session, IVoiceCommandTarget target, TextWriter output, string? voice)
{
    private static readonly ConfidencePolicy s_policy = new();

    private (IReadOnlyList<string> Goal, string Words)? _awaitingYes;

    public void Stop(RecognitionResult recognition)
    {
        target.EmergencyStop(recognition.Words);
        _awaitingYes = null;
        Say("stopping");
    }

    public void Heard(RecognitionResult recognition, HeardKind verdict)
    {
        if (_awaitingYes is { } pending && Replies.Answer(recognition.Words) is { } yes)
        {
            _awaitingYes = null;
            if (yes)
            {
                target.Goal(pending.Goal, pending.Words);
            }
            else
            {
                Write("dropped: " + pending.Words);
            }

            return;
        }

        // The loop judged the best hypothesis with the default policy; a next-best one that grounds may stand in for it.
        var heard = GroundedAlternative.Choose(HeardCommand.Read(recognition, verdict, parser, session), s_policy, parser, session);
        lock (output)
        {
            heard.Print(output);
        }

        if (heard.Goal.Count > 0)
        {
            target.Goal(heard.Goal, recognition.Words);
        }
        else if (heard.ProposedGoal.Count > 0)
        {
            _awaitingYes = (heard.ProposedGoal, heard.Recognition.Words);
        }

        if (heard.Reply is { } reply)
        {
            Say(reply);
        }

    }

    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
        }
    }

    private void Say(string text)
    {
        if (voice is not null)
        {
            SpeechSynthesizer.Say(text, voice);
        }
    }
}
