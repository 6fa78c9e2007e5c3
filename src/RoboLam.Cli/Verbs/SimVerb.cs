using RoboLam.Cli.Simulation;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam sim SCENARIO [--command "WORDS"] [--out DIR]</c>: runs a scenario from <c>sim/</c> on the simulated arm
/// through the whole runtime; <c>--command</c> commands the scenario's world in other words.
/// </summary>
public sealed class SimVerb : IVerb
{
    private const string Usage = "usage: robolam sim sim/SCENARIO.json [--command \"WORDS\"] [--out DIR]";

    public string Name => "sim";

    public string Summary => "run a scenario (robot, world, goal or command, faults) on the simulated arm; trace and picture with --out";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? scenario = null;
        string? folder = null;
        string? command = null;
        for (var index = 0; index < args.Count; index++)
        {
            if (args[index] == "--out" && index + 1 < args.Count)
            {
                folder = args[++index];
            }
            else if (args[index] == "--command" && index + 1 < args.Count)
            {
                command = args[++index];
            }
            else if (!args[index].StartsWith("--", StringComparison.Ordinal) && scenario is null)
            {
                scenario = args[index];
            }
            else
            {
                error.WriteLine($"robolam sim: unexpected argument '{args[index]}'");
                error.WriteLine(Usage);
                return ExitCodes.UsageError;
            }
        }

        if (scenario is null)
        {
            error.WriteLine("robolam sim: name a scenario file, e.g. sim/stack.json");
            error.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        ScenarioRunner.Run(scenario, folder, output, error, out var exitCode, command: command);
        return exitCode;
    }
}
