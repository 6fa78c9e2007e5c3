using System.Text.Json.Nodes;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>The robot file's "safety" section as the loader reads and checks it.</summary>
public sealed class RobotFileSafetyTests
{
    [Fact]
    public void The_arm4_safety_section_loads_without_diagnostics_with_its_boxes_rules_e_stop_and_watchdogs()
    {
        var result = RobotFileLoader.LoadFile(TestRobots.Arm4Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var safety = result.Robot!.Safety!;
        Assert.Equal("camera-mast", Assert.Single(safety.KeepOut).Name);
        Assert.Equal("chute", Assert.Single(safety.Zones).Name);
        Assert.Equal(["cell-door", "chute-conveyor"], safety.Interlocks.Select(rule => rule.Name));
        Assert.IsType<ForbidEnteringZone>(safety.Interlocks[1].Forbid);
        Assert.Equal("(conveyor-running c1)", safety.Interlocks[1].While.ToString());
        Assert.Equal(["e-stop"], Assert.Single(safety.EmergencyStops).Channels);
        Assert.Equal(300, safety.Watchdogs.DeviceTimeout.Milliseconds, 6);
        Assert.Equal(StopCategory.Uncontrolled, safety.Watchdogs.StopCategory);
        Assert.Equal(0.25, safety.ReducedSpeedScale);
        var invariant = Assert.Single(safety.PlanInvariants);
        Assert.Equal("three-blocks-high", invariant.Name);
        Assert.Equal("$.safety.planInvariants[0].always", invariant.Path);
        Assert.StartsWith("(forall (?a ?b ?c ?d - block)", invariant.Always, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_invariant_that_is_not_a_condition_in_parentheses_is_reported_at_its_always()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["planInvariants"]![0]!["always"] = "no tall towers");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.planInvariants[0].always", error.Path);
        Assert.Contains("expected a PDDL condition in parentheses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_safety_section_gets_single_channel_e_stops_and_watchdogs_at_three_heartbeats()
    {
        var robot = TestRobots.Load(TestRobots.Arm4With(json => json.Remove("safety")));

        var safety = SafetyDescription.Of(robot);

        Assert.Null(robot.Safety);
        Assert.Equal("e-stop", Assert.Single(safety.EmergencyStops).Name);
        Assert.Equal(300, safety.Watchdogs.DeviceTimeout.Milliseconds, 6);
        Assert.Equal(StopCategory.Controlled, safety.Watchdogs.StopCategory);
        Assert.Empty(safety.KeepOut);
    }

    [Fact]
    public void An_interlock_naming_an_undefined_zone_is_reported_at_its_forbid()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["interlocks"]![1]!["forbid"] = "enter camera-mast");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.interlocks[1].forbid", error.Path);
        Assert.Contains("\"camera-mast\" is a keep-out box, which is always forbidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_condition_is_reported_with_the_character_where_it_goes_wrong()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["interlocks"]![0]!["while"] = "(and (door-open) (guard-off)");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.interlocks[0].while", error.Path);
        Assert.Contains("at character 29: expected \")\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_stop_input_that_no_e_stop_lists_is_reported()
    {
        var result = TestRobots.Arm4With(json =>
            json["inputs"]!.AsArray().Add(JsonNode.Parse("""{ "name": "pendant", "role": "emergency-stop", "pin": 16, "pull": "up", "activeLow": true }""")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.emergencyStops", error.Path);
        Assert.Contains("input \"pendant\" has role \"emergency-stop\" but no e-stop lists it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_stop_channel_that_is_not_an_e_stop_input_is_reported()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["emergencyStops"]![0]!["channels"] = new JsonArray("e-stop", "object-held"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.emergencyStops[0].channels[1]", error.Path);
    }

    [Fact]
    public void A_place_inside_a_keep_out_box_is_reported()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["keepOut"]![0]!["yMin"] = "0.25 m");

        var errors = result.Errors.ToArray();
        Assert.Contains(errors, error => error.Path == "$.places[0]" && error.Message.Contains("inside keep-out box \"camera-mast\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_watchdog_not_longer_than_the_heartbeat_period_is_reported()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["watchdogs"]!["device"] = "100 ms");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.watchdogs.device", error.Path);
        Assert.Contains("trips between two beats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_in_the_safety_section_is_refused_rather_than_ignored()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["keepOuts"] = new JsonArray());

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.safety.keepOuts", error.Path);
    }

    [Fact]
    public void A_reduced_speed_scale_of_one_or_more_is_refused()
    {
        var result = TestRobots.Arm4With(json => json["safety"]!["reducedSpeedScale"] = 1.0);

        Assert.Equal("$.safety.reducedSpeedScale", Assert.Single(result.Errors).Path);
    }
}
