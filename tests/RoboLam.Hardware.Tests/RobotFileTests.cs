using System.Text.Json.Nodes;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;

namespace RoboLam.Hardware.Tests;

public sealed class RobotFileTests
{
    [Fact]
    public void The_arm4_robot_file_loads_without_errors_or_warnings_against_the_tabletop_actions()
    {
        var result = RobotFileLoader.LoadFile(RobotFiles.Arm4Path, RobotFiles.TabletopActions);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var robot = result.Robot!;
        Assert.Equal(0x40, robot.ServoBoard.Address);
        Assert.Equal(1, robot.ServoBoard.I2cBus);
        Assert.Equal(4, robot.Arm.Joints.Count);
        Assert.Equal(0.32, robot.Arm.Links.UpperArm.Meters, 6);
        Assert.Equal(60, robot.Arm.Joints[1].MaxSpeed.DegreesPerSecond, 6);
        Assert.Equal(500, robot.Arm.Joints[0].Servo.MinimumPulse.Microseconds, 6);
        Assert.Single(robot.InputsWithRole(InputRole.EmergencyStop));
        Assert.Equal(5, robot.Bindings.Count);
        Assert.Equal(StopCategory.Controlled, robot.Stop.Category);
    }

    [Fact]
    public void A_pin_used_twice_is_reported_at_the_second_use_naming_the_first()
    {
        var result = RobotFiles.Arm4With(json => json["outputs"]![1]!["pin"] = 17);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.outputs[1].pin", error.Path);
        Assert.Contains("GPIO pin 17 is already used by \"e-stop\" ($.inputs[0].pin)", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Robot);
    }

    [Fact]
    public void A_missing_servo_channel_and_a_duplicate_channel_are_both_reported_with_their_paths()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            json["arm"]!["joints"]![2]!.AsObject().Remove("channel");
            json["arm"]!["gripper"]!["channel"] = 1;
        });

        var paths = result.Errors.Select(error => error.Path).ToArray();
        Assert.Contains("$.arm.joints[2].channel", paths);
        Assert.Contains("$.arm.gripper.channel", paths);
        Assert.Contains(result.Errors, error => error.Message.Contains("already used by shoulder", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quantity_without_a_unit_is_refused_with_an_example_of_the_right_form()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            json["arm"]!["links"]!["forearm"] = 0.3;
            json["arm"]!["joints"]![0]!["maxSpeed"] = "90";
            json["motion"]!["approachHeight"] = "6 furlongs";
        });

        var errors = result.Errors.ToDictionary(error => error.Path, error => error.Message);
        Assert.Contains("has no unit", errors["$.arm.links.forearm"], StringComparison.Ordinal);
        Assert.Contains("\"0.12 m\"", errors["$.arm.links.forearm"], StringComparison.Ordinal);
        Assert.Contains("has no unit", errors["$.arm.joints[0].maxSpeed"], StringComparison.Ordinal);
        Assert.Contains("\"furlongs\" is not a unit of a length", errors["$.motion.approachHeight"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_out_of_reach_is_reported_at_the_place_with_the_reason()
    {
        var result = RobotFiles.Arm4With(json => json["places"]![5]!["y"] = "0.90 m");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.places[5]", error.Path);
        Assert.Contains("\"bin-left\" is out of reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("the arm reaches 0.62 m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_the_base_away_from_the_table_makes_the_workspace_unreachable()
    {
        var result = RobotFiles.Arm4With(json => json["arm"]!["base"]!["y"] = "-0.20 m");

        Assert.Contains(result.Errors, error => error.Path == "$.workspace" && error.Message.Contains("cannot reach all of its workspace", StringComparison.Ordinal));
    }

    [Fact]
    public void Bindings_for_actions_the_domain_lacks_or_with_the_wrong_arity_are_errors()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            var bindings = json["bindings"]!.AsObject();
            bindings["stack ?b ?c"] = new JsonArray("move-above ?c ?b", "open");
            bindings.Remove("pick ?b");
            bindings["pick ?b ?from"] = new JsonArray("move-above ?b", "close");
        });

        var errors = result.Errors.ToDictionary(error => error.Path, error => error.Message);
        Assert.Contains("the domain has no action \"stack\"", errors["$.bindings['stack ?b ?c']"], StringComparison.Ordinal);
        Assert.Contains("takes 1 parameter(s) in the domain, the binding declares 2", errors["$.bindings['pick ?b ?from']"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_primitives_and_unbound_parameters_in_steps_name_the_step()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            json["bindings"]!["pick ?b"] = new JsonArray("move-above ?x", "wiggle", "lift");
        });

        var errors = result.Errors.ToDictionary(error => error.Path, error => error.Message);
        Assert.Contains("\"?x\" is not known here", errors["$.bindings['pick ?b'][0]"], StringComparison.Ordinal);
        Assert.Contains("unknown primitive \"wiggle\"", errors["$.bindings['pick ?b'][1]"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_is_an_error_rather_than_a_silent_default()
    {
        var result = RobotFiles.Arm4With(json => json["arm"]!["base"]!["shoulderHight"] = "0.1 m");

        var paths = result.Errors.Select(error => error.Path).ToArray();
        Assert.Contains("$.arm.base.shoulderHight", paths);
    }

    [Fact]
    public void Joint_limits_beyond_the_servo_travel_and_a_switch_on_the_i2c_pins_are_reported()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            json["arm"]!["joints"]![0]!["max"] = "120 deg";
            json["inputs"]![1]!["pin"] = 3;
        });

        var errors = result.Errors.ToDictionary(error => error.Path, error => error.Message);
        Assert.Contains("needs servo angle 210°", errors["$.arm.joints[0].max"], StringComparison.Ordinal);
        Assert.Contains("SCL of I2C bus 1", errors["$.inputs[1].pin"], StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_with_line_and_column()
    {
        var result = RobotFileLoader.Parse("{\n  \"name\": \"x\",,\n}", "broken.json");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("$ (line 2", error.Path, StringComparison.Ordinal);
        Assert.Contains("broken.json: error at $ (line 2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_are_all_collected_in_one_load()
    {
        var result = RobotFiles.Arm4With(json =>
        {
            json["outputs"]![1]!["pin"] = 17;
            json["arm"]!["joints"]![0]!["maxSpeed"] = 90;
            json["places"]![5]!["y"] = "0.90 m";
            json["servoBoard"]!["address"] = "64";
        });

        Assert.True(result.Errors.Count() >= 4, string.Join("\n", result.Errors));
    }
}
