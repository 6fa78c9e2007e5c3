using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Evaluation;

/// <summary>One line of an evaluation file (format of shared/nl/README.md); <see cref="WorldPath"/> is already absolute.</summary>
public sealed record EvalItem(
    string Id,
    string WorldPath,
    IReadOnlyList<string> Context,
    string Utterance,
    IntentKind Expect,
    IReadOnlyList<Fact> Goal,
    IReadOnlyList<string> Candidates,
    int Line);
