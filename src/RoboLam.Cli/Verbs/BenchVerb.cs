namespace RoboLam.Cli.Verbs;

public sealed class BenchVerb : IVerb
{
    public string Name => "bench";

    public string Summary => "run a list of planning problems and validate every plan";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("robolam bench: not built yet");
        return ExitCodes.UsageError;
    }
}
