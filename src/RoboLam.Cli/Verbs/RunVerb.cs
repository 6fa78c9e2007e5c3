using RoboLam.Cli.Simulation;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam run</c>: the main job on embedded defaults. Runs the bundled stacking scenario (<c>sim/stack.json</c>)
/// through the whole controller on the simulated arm: a typed command read into a goal, plan, execute through the
/// real drivers on the simulated bus behind the safety gate, confirm every effect by sensing, and print the result.
/// </summary>
public sealed class RunVerb : IVerb
{
    private const string Scenario = "sim/stack.json";

    public string Name => "run";

    public string Summary => "the main job on embedded defaults: a typed command stacks three blocks with the simulated arm (sim/stack.json)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? folder = null;
        if (args.Count == 2 && args[0] == "--out")
        {
            folder = args[1];
        }
        else if (args.Count > 0)
        {
            error.WriteLine("robolam run: takes no arguments but an optional --out DIR (it runs on embedded defaults)");
            return ExitCodes.UsageError;
        }

        var path = BundledFiles.Find(Scenario);
        if (path is null)
        {
            error.WriteLine($"robolam run: {Scenario} not found; run it from the RoboLam repository");
            return ExitCodes.FileError;
        }

        ScenarioRunner.Run(path, folder, output, error, out var exitCode);
        return exitCode;
    }
}
