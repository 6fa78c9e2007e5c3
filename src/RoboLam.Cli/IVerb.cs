namespace RoboLam.Cli;

/// <summary>One <c>robolam</c> verb: its name, a one-line summary for the help text, and its entry point.</summary>
public interface IVerb
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Runs the verb with the arguments after its name; returns an exit code from <see cref="ExitCodes"/>.</summary>
    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}
