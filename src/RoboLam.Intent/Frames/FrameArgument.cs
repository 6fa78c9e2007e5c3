using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Frames;

/// <summary>
/// An argument span of a clause ("the small red block" as theme), with the untagged words just before it
/// (its preposition: "on", "into") and just after it ("at the bottom").
/// </summary>
public sealed record FrameArgument(SpanRole Role, IReadOnlyList<string> Words, IReadOnlyList<string> Before, IReadOnlyList<string> After)
{
    public string Text => string.Join(' ', Words);

    public override string ToString() => $"{RoleName(Role)}=\"{Text}\"";

    public static string RoleName(SpanRole role) => role switch
    {
        SpanRole.Theme => "theme",
        SpanRole.Destination => "destination",
        SpanRole.Color => "colour",
        SpanRole.Safety => "safety",
        _ => "action",
    };
}
