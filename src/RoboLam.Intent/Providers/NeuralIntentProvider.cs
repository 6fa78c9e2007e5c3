using RoboLam.Intent.Frames;
using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Providers;

/// <summary>The default provider: the ONNX tagger reads frames, the grounder turns them into a goal over the world.</summary>
public sealed class NeuralIntentProvider : IIntentProvider, IDisposable
{
    private readonly NeuralTagger _tagger;

    public NeuralIntentProvider(NeuralTagger tagger)
    {
        _tagger = tagger;
    }

    public string Name => "neural";

    /// <summary>The shipped encoder and head.</summary>
    public static NeuralIntentProvider LoadShipped() => new(NeuralTagger.LoadShipped());

    public IntentProposal Propose(string utterance, IReadOnlyList<string> words, IntentSession session)
    {
        var reading = new FrameBuilder(session.Lexicon).Build(_tagger.Tag(words));
        if (reading.SafetySpans.Count > 0)
        {
            return IntentProposal.Refused(
                $"the command asks to weaken safety ('{reading.SafetySpans[0]}'); safety limits cannot be changed by a spoken command") with
            {
                Frames = reading.Frames,
                Confidence = reading.Confidence,
            };
        }

        var proposal = session.Grounder.Ground(reading.Frames, session.Conversation.Referents);
        return proposal with { Frames = reading.Frames, Confidence = Math.Min(reading.Confidence, proposal.Confidence) };
    }

    public void Dispose() => _tagger.Dispose();
}
