namespace RoboLam.Cli.Verbs;

public sealed class CheckVerb : IVerb
{
    public string Name => "check";

    public string Summary => "check PDDL domains and problems and print diagnostics";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("robolam check: not built yet");
        return ExitCodes.UsageError;
    }
}
