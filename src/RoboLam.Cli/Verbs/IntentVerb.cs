namespace RoboLam.Cli.Verbs;

public sealed class IntentVerb : IVerb
{
    public string Name => "intent";

    public string Summary => "turn words into a goal: intent parse | eval | train";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("robolam intent: not built yet");
        return ExitCodes.UsageError;
    }
}
