namespace RoboLam.Cli.Verbs;

public sealed class PlanVerb : IVerb
{
    public string Name => "plan";

    public string Summary => "find a plan for a PDDL problem";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("robolam plan: not built yet");
        return ExitCodes.UsageError;
    }
}
