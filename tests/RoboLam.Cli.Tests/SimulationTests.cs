using System.Text.Json;
using RoboLam.Cli.Simulation;
using RoboLam.Sim.Scenarios;

namespace RoboLam.Cli.Tests;

/// <summary>
/// Every scenario in sim/ end to end through the real controller on the simulated arm: exit code, the table at the
/// end, and the events in the trace, including what each fault must cause.
/// </summary>
public sealed class SimulationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robolam-sim-").FullName;

    public static TheoryData<string> Scenarios { get; } = new(
        Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "sim"), "*.json")
            .Where(path => !path.EndsWith(".schema.json", StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("factory-", StringComparison.Ordinal)) // the line's, run by robolam line
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_scenario_ends_as_it_expects_and_writes_a_trace_and_a_picture(string name)
    {
        var (result, code, _, error) = Simulate(name);

        Assert.True(result is not null, error);
        Assert.Equal(result.ExitCode, code);
        Assert.Empty(ScenarioRunner.Unmet(result, ScenarioLoader.Load(RepositoryFiles.Scenario(name)).Expect));
        var lines = File.ReadAllLines(Path.Combine(_folder, "trace.jsonl"));
        Assert.All(lines, line =>
        {
            using var item = JsonDocument.Parse(line);
            Assert.True(item.RootElement.GetProperty("t").GetDouble() >= 0);
            Assert.False(string.IsNullOrEmpty(item.RootElement.GetProperty("kind").GetString()));
        });
        var page = File.ReadAllText(Path.Combine(_folder, "run.html"));
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_command_stacks_the_blocks_moving_the_arm_through_the_gate_and_confirming_each_action_by_sensing()
    {
        var (result, _, output, _) = Simulate("stack");

        Assert.NotNull(result);
        Assert.Contains("→ goal (on g1 b1) (on r1 g1)", output, StringComparison.Ordinal);
        Assert.Equal(4, Count(result, "action-completed"));
        Assert.All(Events(result, "outcome"), item => Assert.Equal("Completed", item.Data["status"]));
        Assert.Contains(Events(result, "world"), item => Equals(item.Data["block"], "r1") && Equals(item.Data["support"], "g1"));
        Assert.True(result.Speed.MovingVirtual > TimeSpan.FromSeconds(5), "the arm's motion is what takes the virtual time");
    }

    [Fact]
    public void An_e_stop_during_motion_stops_the_arm_and_nothing_resumes_by_itself_even_after_its_release()
    {
        var options = new SimulationOptions { HoldAfterEnd = TimeSpan.FromSeconds(3), ReleaseEmergencyStopsAfterEnd = true };

        var (result, code, _, _) = Simulate("e-stop-mid-motion", options);

        Assert.NotNull(result);
        Assert.Equal(ExitCodes.EmergencyStop, code);
        var pressed = Events(result, "fault").Single().At;
        Assert.Contains(Events(result, "outcome"), item => Equals(item.Data["status"], "Stopped") && item.At >= pressed);
        Assert.DoesNotContain(Events(result, "command"), item => item.At > pressed);
        Assert.Equal(0, result.ServoWritesAfterRest);
        Assert.Equal("Stopped", Events(result, "end").Single().Data["safetyMode"]);
    }

    [Fact]
    public void A_place_out_of_reach_is_refused_before_the_arm_moves_at_all()
    {
        var (result, code, _, _) = Simulate("unreachable-place");

        Assert.NotNull(result);
        Assert.Equal(ExitCodes.SafetyRefused, code);
        Assert.Empty(Events(result, "command"));
        Assert.Contains("out of reach", Events(result, "action-failed").Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dropped_block_is_seen_and_the_goal_is_planned_again_from_where_it_fell()
    {
        var (result, _, _, _) = Simulate("dropped-block");

        Assert.NotNull(result);
        var slip = Events(result, "fault").Single().At;
        var failed = Events(result, "action-failed").Single();
        Assert.True(failed.At > slip);
        Assert.Contains("EffectsNotSensed", failed.Text, StringComparison.Ordinal);
        Assert.True(Events(result, "replan").Single().At >= failed.At);
        Assert.Contains(Events(result, "world"), item => Equals(item.Data["block"], "r1") && Equals(item.Data["support"], "table") && item.At >= slip);
        Assert.Contains("(on r1 b1)", result.FinalFacts);
    }

    [Fact]
    public void A_stuck_object_held_sensor_makes_the_sensed_world_disagree_and_the_controller_does_not_guess()
    {
        var (result, code, _, _) = Simulate("stuck-sensor");

        Assert.NotNull(result);
        Assert.Equal(ExitCodes.Unsolvable, code);
        Assert.Contains("expected (not (hand-empty)), sensed (hand-empty)", Events(result, "action-failed").Single().Text, StringComparison.Ordinal);
        Assert.Contains("(holding r1)", result.FinalFacts);
    }

    [Fact]
    public void A_goal_naming_an_unknown_object_is_refused_in_one_line_that_names_the_field_and_the_fix()
    {
        var path = Variant("dropped-block", text => text.Replace("(on r1 b1)", "(on r9 b1)", StringComparison.Ordinal));

        var (code, output, error) = CliRun.Robolam("sim", path);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("goal[0]", line, StringComparison.Ordinal);
        Assert.Contains("\"r9\"", line, StringComparison.Ordinal);
        Assert.Contains("add \"r9\" to world.objects", line, StringComparison.Ordinal);
        Assert.DoesNotContain("scenario", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_scenario_file_exits_31_with_one_line()
    {
        var (code, _, error) = CliRun.Robolam("sim", Path.Combine(_folder, "nothing.json"));

        Assert.Equal(ExitCodes.FileError, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nothing.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_file_with_an_error_exits_34_naming_the_robot_file_and_the_field()
    {
        var path = StackWithRobot("broken-arm.json", text => text.Replace("\"pin\": 23", "\"pin\": 17", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Robolam("sim", path);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("broken-arm.json", error, StringComparison.Ordinal);
        Assert.Contains("17", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_on_an_input_the_robot_does_not_have_exits_34_naming_the_inputs_it_has()
    {
        var path = Variant("stuck-sensor", text => text.Replace("\"input\": \"object-held\"", "\"input\": \"held-sensor\"", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Robolam("sim", path);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("held-sensor", error, StringComparison.Ordinal);
        Assert.Contains("object-held", error, StringComparison.Ordinal);
        Assert.Contains("faults[0].input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_that_breaks_a_plan_invariant_of_the_robot_file_is_not_planned_and_nothing_moves()
    {
        // arm4.json keeps towers at most three blocks high; this goal needs four.
        var path = Variant("unstack-into-bins", text => text.Replace(
            "\"command\": \"put the green and the yellow blocks into the left bin\"",
            "\"goal\": [\"(on y1 g1)\", \"(on g1 r1)\", \"(on r1 b1)\"]",
            StringComparison.Ordinal));
        var output = new StringWriter();

        var result = ScenarioRunner.Run(path, _folder, output, new StringWriter(), out _);

        Assert.NotNull(result);
        Assert.Equal(ExitCodes.Unsolvable, result.ExitCode);
        Assert.DoesNotContain("malformed", output.ToString(), StringComparison.Ordinal); // unsolvable, not a translation failure
        Assert.Equal(0, Count(result, "action"));
        Assert.Contains("(on g1 r1)", result.FinalFacts);
    }

    [Fact]
    public void A_plan_invariant_the_domain_cannot_read_exits_34_naming_its_place_in_the_robot_file()
    {
        var path = StackWithRobot("careless-arm.json", text => text.Replace("(on ?c ?d)", "(stacked ?c ?d)", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Robolam("sim", path);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("careless-arm.json", line, StringComparison.Ordinal);
        Assert.Contains("$.safety.planInvariants[0].always", line, StringComparison.Ordinal);
        Assert.Contains("stacked", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (SimulationResult? Result, int Code, string Output, string Error) Simulate(string name, SimulationOptions? options = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var result = ScenarioRunner.Run(RepositoryFiles.Scenario(name), _folder, output, error, out var code, options);
        return (result, code, output.ToString(), error.ToString());
    }

    /// <summary>A changed copy of a shipped scenario in the test's folder, its robot and domain paths made absolute.</summary>
    private string Variant(string name, Func<string, string> change)
    {
        var text = File.ReadAllText(RepositoryFiles.Scenario(name))
            .Replace("\"../robots/", JsonSerializer.Serialize(Path.Combine(RepositoryFiles.Root, "robots") + "/")[..^1], StringComparison.Ordinal)
            .Replace("\"../domains/", JsonSerializer.Serialize(Path.Combine(RepositoryFiles.Root, "domains") + "/")[..^1], StringComparison.Ordinal);
        var path = Path.Combine(_folder, name + "-variant.json");
        File.WriteAllText(path, change(text));
        return path;
    }

    /// <summary>The stack scenario on a changed copy of arm4.json, saved under the given name in the test's folder.</summary>
    private string StackWithRobot(string robotName, Func<string, string> change)
    {
        var arm4 = Path.Combine(RepositoryFiles.Root, "robots", "arm4.json");
        var robot = Path.Combine(_folder, robotName);
        File.WriteAllText(robot, change(File.ReadAllText(arm4)));
        return Variant("stack", text => text.Replace(JsonSerializer.Serialize(arm4), JsonSerializer.Serialize(robot), StringComparison.Ordinal));
    }

    private static IEnumerable<TraceEvent> Events(SimulationResult result, string kind) => result.Trace.Events.Where(item => item.Kind == kind);

    private static int Count(SimulationResult result, string kind) => Events(result, kind).Count();
}
