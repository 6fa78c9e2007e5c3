using RoboLam.Cli.Intent;

namespace RoboLam.Cli.Verbs;

/// <summary><c>robolam intent parse | eval | train</c>: words to goals (see src/RoboLam.Intent/README.md).</summary>
public sealed class IntentVerb : IVerb
{
    public string Name => "intent";

    public string Summary => "turn words into a goal: intent parse | eval | train";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.Count > 0 ? args[0] : string.Empty)
        {
            case "parse":
                return new ParseCommand().Run(rest, output, error);
            case "eval":
                return new EvalCommand().Run(rest, output, error);
            case "train":
                return new TrainCommand().Run(rest, output, error);
            case "-h" or "--help" or "help":
                WriteUsage(output);
                return ExitCodes.Success;
            default:
                error.WriteLine(args.Count == 0 ? "robolam intent: say what to do" : $"robolam intent: unknown sub-command '{args[0]}'");
                WriteUsage(error);
                return ExitCodes.UsageError;
        }
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("usage:");
        writer.WriteLine("  " + ParseCommand.Usage);
        writer.WriteLine("  " + EvalCommand.Usage);
        writer.WriteLine("  " + TrainCommand.Usage);
    }
}
