using RoboLam.Sim.Faults;
using RoboLam.Sim.Scenarios;

namespace RoboLam.Sim.Tests;

/// <summary>Scenario files: what is read, and errors that name the file, the field and the fix.</summary>
public sealed class ScenarioLoaderTests
{
    private const string World = """
        { "domain": "tabletop",
          "objects": [ { "name": "r1", "type": "block", "color": "red", "x": 0.10, "y": 0.20 },
                       { "name": "b1", "type": "block", "color": "blue", "x": 0.40, "y": 0.20 } ],
          "init": [ "(on-table r1)", "(on-table b1)", "(clear r1)", "(clear b1)", "(hand-empty)" ] }
        """;

    [Fact]
    public void A_scenario_is_read_with_paths_resolved_against_its_folder_and_faults_with_their_anchor()
    {
        var scenario = Parse($$"""
            { "robot": "../robots/arm4.json", "domain": "../domains/tabletop/domain.pddl", "world": {{World}},
              "goal": ["(on r1 b1)"],
              "faults": [ { "at": "500 ms", "after": "(place-on r1 b1)", "type": "block-slip" },
                          { "at": "2 s", "type": "stuck-input", "input": "object-held", "active": false } ],
              "timeLimit": "1 min",
              "expect": { "exitCode": 0, "facts": ["(on r1 b1)"], "events": ["replan"] } }
            """,
            "/repo/sim/test.json");

        Assert.Equal(Path.GetFullPath("/repo/robots/arm4.json"), scenario.RobotPath);
        Assert.Equal(["(on r1 b1)"], scenario.Goal);
        Assert.Equal(new ScenarioFault(new BlockSlip(TimeSpan.FromMilliseconds(500)), "(place-on r1 b1)"), scenario.Faults[0]);
        Assert.Equal(new StuckInput(TimeSpan.FromSeconds(2), "object-held", false), scenario.Faults[1].Fault);
        Assert.Equal(TimeSpan.FromMinutes(1), scenario.TimeLimit);
        Assert.Equal(["replan"], scenario.Expect.Events);
    }

    [Fact]
    public void A_fact_naming_an_object_the_world_lacks_is_refused_with_the_objects_it_has()
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(Scenario("\"goal\": [\"(on r1 g7)\"]")));

        Assert.Contains("sim/test.json: goal[0] \"(on r1 g7)\" names \"g7\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("(b1, r1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("add \"g7\" to world.objects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_without_a_unit_is_refused_with_an_example()
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(Scenario("\"goal\": [\"(on r1 b1)\"], \"faults\": [ { \"at\": \"3\", \"type\": \"e-stop\" } ]")));

        Assert.Contains("faults[0].at", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"3 s\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_must_give_a_goal_or_a_command_but_not_both()
    {
        var neither = Assert.Throws<ScenarioException>(() => Parse(Scenario("\"name\": \"x\"")));
        var both = Assert.Throws<ScenarioException>(() => Parse(Scenario("\"goal\": [\"(on r1 b1)\"], \"command\": \"stack them\"")));

        Assert.Contains("exactly one of \"goal\"", neither.Message, StringComparison.Ordinal);
        Assert.Equal(neither.Message, both.Message);
    }

    [Fact]
    public void An_unknown_fault_type_lists_the_ones_there_are()
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(Scenario("\"goal\": [\"(on r1 b1)\"], \"faults\": [ { \"at\": \"1 s\", \"type\": \"meteor\" } ]")));

        Assert.Contains("\"meteor\" is not a fault", error.Message, StringComparison.Ordinal);
        Assert.Contains("block-slip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_as_unreadable()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario.json")));

        Assert.True(error.IsUnreadable);
        Assert.Contains("no-such-scenario.json", error.Message, StringComparison.Ordinal);
    }

    private static string Scenario(string what) =>
        $$"""{ "robot": "r.json", "domain": "d.pddl", "world": {{World}}, {{what}}, "expect": { "exitCode": 0 } }""";

    private static Scenario Parse(string json, string path = "sim/test.json") => ScenarioLoader.Parse(json, path);
}
