using System.Globalization;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Runs one scenario file end to end: load and check its inputs, read a typed command into a goal, run the
/// controller on the simulated cell, print the outcome and whether it is the one the scenario expects, and
/// write the trace and the picture. Used by <c>robolam sim</c> and <c>robolam run</c>, and by the tests.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>
    /// The run's result, or null (with the exit code) when an input was wrong and nothing ran. A
    /// <paramref name="command"/> replaces the scenario's goal or command: the scenario's world is then commanded
    /// in the user's own words, and its expectation (written for its own command) is not checked.
    /// </summary>
    public static SimulationResult? Run(
        string scenarioPath, string? outputFolder, TextWriter output, TextWriter error, out int exitCode, SimulationOptions? options = null, string? command = null)
    {
        var inputs = ScenarioInputs.Load(scenarioPath, out exitCode, out var problem);
        if (inputs is null)
        {
            error.WriteLine("robolam sim: " + problem);
            return null;
        }

        var scenario = inputs.Scenario;
        output.WriteLine($"scenario {scenario.Name}: {scenario.Description}");
        var words = command ?? scenario.Command;
        var goal = words is not null ? CommandGoal.Read(inputs, words, output, out exitCode, out problem) : scenario.Goal;
        if (goal is null)
        {
            error.WriteLine("robolam sim: " + problem);
            return null;
        }

        SimulationResult result;
        try
        {
            result = new SimulationSession(inputs, options ?? SimulationOptions.Default, output).Run(goal, words ?? string.Join(" and ", goal));
        }
        catch (TimeoutException exception)
        {
            // The controller never finished the goal in real time: stuck, or a machine far too loaded.
            error.WriteLine($"robolam sim: {scenario.SourcePath}: {exception.Message}");
            exitCode = ExitCodes.TimeLimit;
            return null;
        }

        exitCode = result.ExitCode;
        Report(result, command is null ? scenario.Expect : null, output);
        if (outputFolder is not null)
        {
            Directory.CreateDirectory(outputFolder);
            result.Trace.WriteJsonLines(Path.Combine(outputFolder, "trace.jsonl"));
            RunPicture.Write(Path.Combine(outputFolder, "run.html"), $"RoboLam simulation: {scenario.Name}", result, inputs.Robot, inputs.CreateWorld());
            output.WriteLine($"wrote {Path.Combine(outputFolder, "trace.jsonl")} ({result.Trace.Events.Count} events) and {Path.Combine(outputFolder, "run.html")}");
        }

        return result;
    }

    /// <summary>What differs from the scenario's "expect"; empty when the run ended as expected.</summary>
    public static IReadOnlyList<string> Unmet(SimulationResult result, Sim.Scenarios.ScenarioExpectation expect)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expect);
        var problems = new List<string>();
        if (result.ExitCode != expect.ExitCode)
        {
            problems.Add($"exit code {result.ExitCode}, expected {expect.ExitCode}");
        }

        var facts = result.FinalFacts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(expect.Facts.Where(fact => !facts.Contains(fact)).Select(fact => $"{fact} does not hold at the end"));
        problems.AddRange(expect.AbsentFacts.Where(facts.Contains).Select(fact => $"{fact} holds at the end, but must not"));
        problems.AddRange(expect.Events.Where(kind => !result.Trace.Has(kind)).Select(kind => $"no \"{kind}\" event in the trace"));
        return problems;
    }

    private static void Report(SimulationResult result, Sim.Scenarios.ScenarioExpectation? expect, TextWriter output)
    {
        var speed = result.Speed;
        output.WriteLine($"result: {result.Outcome?.Status.ToString() ?? "time limit"} (exit code {result.ExitCode})");
        output.WriteLine("table at the end: " + string.Join(' ', result.FinalFacts));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: {speed.Virtual.TotalSeconds:0.0} s simulated in {speed.Real.TotalSeconds:0.00} s real ({speed.Overall:0}x; {speed.WhileMoving:0}x while the arm moved; {speed.Cpu.TotalSeconds:0.00} s of CPU, {speed.OverallCpu:0}x)"));
        if (expect is null)
        {
            return;
        }

        var unmet = Unmet(result, expect);
        output.WriteLine(unmet.Count == 0 ? "expectation: met" : "expectation NOT met: " + string.Join("; ", unmet));
    }
}
