using RoboLam.Cli.Speech;
using RoboLam.Intent;
using RoboLam.Speech.Listening;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The voice conversation kept on the live table: each utterance is read against the intent session of the table
/// as it is now (a new <see cref="VoiceSession"/> when the table changed), so "the block on top of the stack" means
/// the stack the arm has built, not the one the scenario started with.
/// </summary>
internal sealed class LiveVoiceConversation(LiveArmCell cell, IntentParser parser, IVoiceCommandTarget target, TextWriter output, string? voice)
{
    private readonly object _gate = new();
    private IntentSession? _session;
    private VoiceSession? _conversation;

    /// <summary>Straight to the target's e-stop through the conversation there is: no lock, no session to build first.</summary>
    public void Stop(RecognitionResult recognition)
    {
        if (Volatile.Read(ref _conversation) is { } conversation)
        {
            conversation.Stop(recognition);
        }
        else
        {
            target.EmergencyStop(recognition.Words);
        }
    }

    public void Heard(RecognitionResult recognition, HeardKind verdict) => Current().Heard(recognition, verdict);

    private VoiceSession Current()
    {
        lock (_gate)
        {
            var session = cell.SessionNow();
            if (!ReferenceEquals(session, _session) || _conversation is null)
            {
                _session = session;
                Volatile.Write(ref _conversation, new VoiceSession(parser, session, target, output, voice));
            }

            return _conversation;
        }
    }
}
