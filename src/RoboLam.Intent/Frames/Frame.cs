using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Frames;

/// <summary>One clause of a command: what to do (<see cref="Action"/>, said as <see cref="Verb"/>) and its arguments in order.</summary>
public sealed record Frame(ActionKind Action, string Verb, IReadOnlyList<FrameArgument> Arguments)
{
    public IEnumerable<FrameArgument> Themes => Arguments.Where(argument => argument.Role == SpanRole.Theme);

    public IEnumerable<FrameArgument> Destinations => Arguments.Where(argument => argument.Role == SpanRole.Destination);

    public IEnumerable<FrameArgument> Colors => Arguments.Where(argument => argument.Role == SpanRole.Color);

    public override string ToString()
    {
        var verb = Verb.Length == 0 ? string.Empty : $" \"{Verb}\"";
        return $"{Action.ToString().ToLowerInvariant()}{verb}" + string.Concat(Arguments.Select(argument => " " + argument));
    }
}
