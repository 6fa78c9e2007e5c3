using RoboLam.Intent.Frames;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent;

/// <summary>The checked outcome of one command: goal, question, refusal or confirmation, and how long it took.</summary>
public sealed record IntentResult(IntentKind Kind, string Provider, TimeSpan Elapsed)
{
    public IReadOnlyList<Fact> Goal { get; init; } = [];

    public string? Question { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> Candidates { get; init; } = [];

    public string? Reason { get; init; }

    public IReadOnlyList<Frame> Frames { get; init; } = [];

    public float Confidence { get; init; } = 1f;

    public string GoalText => string.Join(' ', Goal);
}
