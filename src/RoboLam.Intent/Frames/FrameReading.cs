using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Frames;

/// <summary>What the tagger read in a command: the clauses, any request to weaken safety, and how sure it was.</summary>
public sealed record FrameReading(
    IReadOnlyList<Frame> Frames,
    IReadOnlyList<TaggedWord> Words,
    IReadOnlyList<string> SafetySpans,
    float Confidence);
