namespace RoboLam.Cli.Verbs;

public sealed class ValidateVerb : IVerb
{
    public string Name => "validate";

    public string Summary => "check a plan against a PDDL domain and problem";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("robolam validate: not built yet");
        return ExitCodes.UsageError;
    }
}
