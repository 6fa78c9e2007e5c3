using RoboLam.Cli.Simulation;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam run</c>: the main job on embedded defaults. Runs the bundled stacking scenario (<c>sim/stack.json</c>)
/// through the whole controller on the simulated arm: a typed command read into a goal, plan, execute through the
/// real drivers on the simulated bus behind the safety gate, confirm every effect by sensing, and print the result.
/// Words given on the command line replace the scenario's command, so an operator can type their own.
/// </summary>
public sealed class RunVerb : IVerb
{
    private const string Scenario = "sim/stack.json";

    public string Name => "run";

    public string Summary => "the main job on embedded defaults: a typed command stacks three blocks with the simulated arm (sim/stack.json); run \"WORDS\" gives your own command on that table";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? folder = null;
        string? command = null;
        for (var index = 0; index < args.Count; index++)
        {
            if (args[index] == "--out" && index + 1 < args.Count)
            {
                folder = args[++index];
            }
            else if (!args[index].StartsWith("--", StringComparison.Ordinal) && command is null)
            {
                command = args[index];
            }
            else
            {
                error.WriteLine($"robolam run: unexpected argument '{args[index]}'; usage: robolam run [\"WORDS\"] [--out DIR]");
                return ExitCodes.UsageError;
            }
        }

        var path = BundledFiles.Find(Scenario);
        if (path is null)
        {
            error.WriteLine($"robolam run: {Scenario} not found; run it from the RoboLam repository");
            return ExitCodes.FileError;
        }

        ScenarioRunner.Run(path, folder, output, error, out var exitCode, command: command);
        return exitCode;
    }
}
