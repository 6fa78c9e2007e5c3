namespace RoboLam.Intent.Providers;

/// <summary>
/// Proposes what a command means. Every proposal then goes through the same checks in <see cref="IntentParser"/>
/// (safety words first, then types, objects and reachability), whichever provider made it.
/// </summary>
public interface IIntentProvider
{
    /// <summary>A short name for output: "neural", "llm".</summary>
    string Name { get; }

    IntentProposal Propose(string utterance, IReadOnlyList<string> words, IntentSession session);
}
