namespace RoboLam.Cli;

public static class Program
{
    /// <summary>Every verb of the command, in help order. New verbs add one line here.</summary>
    private static readonly Func<IVerb>[] s_verbs =
    [
#if !PLANNER_ONLY
        () => new Verbs.RunVerb(),
        () => new Verbs.SimVerb(),
        () => new Verbs.ServeVerb(),
        () => new Verbs.SayVerb(),
#endif
        () => new Verbs.CheckVerb(),
        () => new Verbs.PlanVerb(),
        () => new Verbs.ValidateVerb(),
        () => new Verbs.BenchVerb(),
#if !PLANNER_ONLY
        () => new Verbs.IntentVerb(),
        () => new Verbs.LineVerb(),
        () => new Verbs.ListenVerb(),
        () => new Verbs.VoiceVerb(),
#endif
    ];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole command, callable in process by the end-to-end tests.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(output);
            return args.Count == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        foreach (var create in s_verbs)
        {
            var verb = create();
            if (string.Equals(verb.Name, args[0], StringComparison.Ordinal))
            {
                return RunGuarded(verb, args.Skip(1).ToArray(), output, error);
            }
        }

        error.WriteLine($"robolam: unknown verb '{args[0]}'. Run 'robolam --help' for the list of verbs.");
        return ExitCodes.UsageError;
    }

    private static int RunGuarded(IVerb verb, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            return verb.Run(args, output, error);
        }
        catch (Exception exception) when (Environment.GetEnvironmentVariable("ROBOLAM_DEBUG") is null)
        {
            // A user never sees a stack trace; ROBOLAM_DEBUG=1 lets it through for developers.
            error.WriteLine($"robolam {verb.Name}: internal error: {exception.Message} (set ROBOLAM_DEBUG=1 for details)");
            return ExitCodes.InternalError;
        }
    }

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("usage: robolam <verb> [arguments]");
        output.WriteLine();
        foreach (var create in s_verbs)
        {
            var verb = create();
            output.WriteLine($"  {verb.Name,-10} {verb.Summary}");
        }
    }
}
