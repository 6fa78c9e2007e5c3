using RoboLam.Intent.Frames;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent;

/// <summary>
/// What a provider makes of a command before the checks: a goal, a question (with the candidate objects per
/// ambiguous phrase), or a refusal, with the frames it read and how sure it is.
/// </summary>
public sealed record IntentProposal(IntentKind Kind)
{
    public IReadOnlyList<Fact> Goal { get; init; } = [];

    public string? Question { get; init; }

    /// <summary>For a question: the objects to choose between, one list per ambiguous phrase.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Candidates { get; init; } = [];

    public string? Reason { get; init; }

    public IReadOnlyList<Frame> Frames { get; init; } = [];

    /// <summary>0..1: the lowest tag probability of the reading, lowered when words were passed over.</summary>
    public float Confidence { get; init; } = 1f;

    /// <summary>The objects the command was about, for "it" and "them" in the next one.</summary>
    public IReadOnlyList<string> Mentioned { get; init; } = [];

    public static IntentProposal Refused(string reason) => new(IntentKind.Refuse) { Reason = reason };

    public static IntentProposal Asked(string question, IReadOnlyList<IReadOnlyList<string>> candidates) =>
        new(IntentKind.Clarify) { Question = question, Candidates = candidates };
}
