using RoboLam.Intent.Frames;
using RoboLam.Intent.Neural;
using RoboLam.Intent.Text;

namespace RoboLam.Intent.Tests;

/// <summary>Frames written by hand, so that grounding is tested without the tagger.</summary>
internal static class FrameText
{
    public static Frame Frame(ActionKind kind, string verb, params FrameArgument[] arguments) => new(kind, verb, arguments);

    public static FrameArgument Theme(string text, string after = "") =>
        new(SpanRole.Theme, WordSplitter.Split(text), [], WordSplitter.Split(after));

    public static FrameArgument Destination(string preposition, string text) =>
        new(SpanRole.Destination, WordSplitter.Split(text), WordSplitter.Split(preposition), []);

    public static FrameArgument Color(string text) => new(SpanRole.Color, WordSplitter.Split(text), [], []);
}
