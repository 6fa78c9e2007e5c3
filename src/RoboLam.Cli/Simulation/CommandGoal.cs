using RoboLam.Intent;
using RoboLam.Intent.Providers;
using RoboLam.Intent.Worlds;

namespace RoboLam.Cli.Simulation;

/// <summary>A scenario's typed command read by RoboLam.Intent into a goal over the scenario's world, or refused.</summary>
internal static class CommandGoal
{
    public static IReadOnlyList<string>? Read(ScenarioInputs inputs, string command, TextWriter output, out int exitCode, out string problem)
    {
        exitCode = ExitCodes.Success;
        problem = string.Empty;
        World world;
        try
        {
            world = WorldLoader.Parse(inputs.Scenario.WorldJson, inputs.Scenario.SourcePath + ": world");
        }
        catch (WorldFileException exception)
        {
            exitCode = ExitCodes.ConfigurationError;
            problem = exception.Message;
            return null;
        }

        using var provider = NeuralIntentProvider.LoadShipped();
        var result = new IntentParser(provider).Parse(command, new IntentSession(world, inputs.Domain));
        switch (result.Kind)
        {
            case IntentKind.Goal:
                output.WriteLine($"command \"{command}\" → goal {result.GoalText}");
                return result.Goal.Select(fact => fact.ToString()).ToArray();
            case IntentKind.Refuse:
                exitCode = ExitCodes.CommandRefused;
                problem = $"the command \"{command}\" was refused: {result.Reason}";
                return null;
            default:
                exitCode = ExitCodes.ClarificationNeeded;
                problem = $"the command \"{command}\" needs an answer before anything moves: {result.Question}";
                return null;
        }
    }
}
