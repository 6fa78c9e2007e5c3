using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Sim.Faults;
using RoboLam.Sim.World;

namespace RoboLam.Sim.Tests;

/// <summary>Blocks, stacks and bins under the real driver: grasp when the gripper closes around a block, drop when it opens.</summary>
public sealed class WorldPhysicsTests
{
    [Fact]
    public void Loading_a_world_file_builds_its_stacks_and_states_its_facts()
    {
        var world = TabletopWorld.Load(File.ReadAllText(Path.Combine(TestRobot.RepositoryRoot, "..", "shared", "nl", "worlds", "tabletop-3.json")));

        Assert.Equal(
            ["(clear k1)", "(clear k4)", "(hand-empty)", "(on k1 k2)", "(on k2 k3)", "(on-table k3)", "(on-table k4)"],
            world.Facts());
        Assert.Equal(0.045 + 0.03, world.GetBlock("k1").Bottom.ZMeters, 6);
    }

    [Fact]
    public async Task Picking_a_block_lifts_it_with_the_gripper_and_raises_the_object_held_input()
    {
        using var cell = new SimulatedCell("tabletop-1.json");
        var held = cell.Rig.Sensors.Input("object-held");

        var outcomes = await cell.RunAsync("pick", "r1");

        Assert.All(outcomes, outcome => Assert.Equal(CommandStatus.Completed, outcome.Status));
        Assert.Contains("(holding r1)", cell.World.Facts());
        Assert.DoesNotContain("(hand-empty)", cell.World.Facts());
        Assert.InRange(cell.World.GetBlock("r1").Bottom.ZMeters, 0.10, 0.20); // lifted towards the travel height
        Assert.Equal(System.Device.Gpio.PinValue.Low, cell.Rig.Gpio.LevelOf(held.Pin)); // active low: held
    }

    [Fact]
    public async Task Unstacking_then_placing_on_another_block_makes_a_new_stack()
    {
        using var cell = new SimulatedCell("tabletop-1.json");

        await cell.RunAsync("unstack", "g1", "r2");
        var placed = await cell.RunAsync("place-on", "g1", "r1");

        Assert.All(placed, outcome => Assert.True(outcome.Succeeded, outcome.Reason));
        var facts = cell.World.Facts();
        Assert.Contains("(on g1 r1)", facts);
        Assert.Contains("(clear r2)", facts);
        Assert.Contains("(hand-empty)", facts);
        Assert.Equal(0.03, cell.World.GetBlock("g1").Bottom.ZMeters, 3);
    }

    [Fact]
    public async Task Putting_a_block_in_a_bin_drops_it_inside_and_the_part_present_sensor_sees_it()
    {
        using var cell = new SimulatedCell("tabletop-1.json");
        var binSensor = cell.Rig.Sensors.Input("bin-right-part");
        Assert.Equal(System.Device.Gpio.PinValue.High, cell.Rig.Gpio.LevelOf(binSensor.Pin));

        await cell.RunAsync("unstack", "y1", "b1");
        await cell.RunAsync("put-in", "y1", "binR");

        Assert.Contains("(in y1 binR)", cell.World.Facts());
        Assert.Contains("(clear b1)", cell.World.Facts());
        Assert.Equal(System.Device.Gpio.PinValue.Low, cell.Rig.Gpio.LevelOf(binSensor.Pin));
    }

    [Fact]
    public async Task Put_down_sets_the_block_on_the_first_free_table_slot()
    {
        using var cell = new SimulatedCell("tabletop-3.json");

        await cell.RunAsync("unstack", "k1", "k2");
        await cell.RunAsync("put-down", "k1");

        var k1 = cell.World.GetBlock("k1");
        Assert.Contains("(on-table k1)", cell.World.Facts());
        Assert.Equal(0.10, k1.Bottom.XMeters, 2);
        Assert.Equal(0.30, k1.Bottom.YMeters, 2);
    }

    [Fact]
    public async Task A_block_that_slips_from_the_gripper_falls_to_the_table_and_the_held_sensor_drops()
    {
        using var cell = new SimulatedCell("tabletop-2.json");
        var held = cell.Rig.Sensors.Input("object-held");
        await cell.RunAsync("pick", "a");
        Assert.Contains("(holding a)", cell.World.Facts());

        cell.Rig.Faults.Schedule(new BlockSlip(cell.Rig.Clock.Elapsed + TimeSpan.FromMilliseconds(300)));
        await cell.RunAsync("place-on", "a", "d");

        var facts = cell.World.Facts();
        Assert.Contains("(on-table a)", facts);
        Assert.DoesNotContain("(on a d)", facts);
        Assert.Equal(0, cell.World.GetBlock("a").Bottom.ZMeters, 6);
        Assert.Equal(System.Device.Gpio.PinValue.High, cell.Rig.Gpio.LevelOf(held.Pin));
        Assert.Single(cell.Rig.Faults.FiredFaults);
    }

    [Fact]
    public async Task Closing_the_gripper_beside_a_block_grasps_nothing()
    {
        var world = new TabletopWorld();
        world.AddBlock("lonely", "red", "small", 0.30, 0.25);
        using var cell = new SimulatedCell(world);
        var missed = new List<string>();
        cell.Rig.Gripper.ClosedOnNothing += missed.Add;

        // Close in mid-air above the block: nothing between the fingers.
        await cell.Rig.Clock.RunUntilAsync(cell.Arm.ExecuteAsync(new OperateGripper(CommandId.New(), GripperAction.Close)), TimeSpan.FromSeconds(5));
        cell.Rig.Clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Contains("(hand-empty)", world.Facts());
        Assert.Single(missed);
    }

    [Fact]
    public async Task A_stalled_shoulder_makes_the_pick_miss_the_block()
    {
        using var cell = new SimulatedCell("tabletop-2.json");
        cell.Rig.Faults.Apply(new ServoStall(TimeSpan.Zero, "shoulder"));

        var outcomes = await cell.RunAsync("pick", "b");

        // The driver cannot know (no encoders): every command completes, but the world says the block stayed.
        Assert.All(outcomes, outcome => Assert.Equal(CommandStatus.Completed, outcome.Status));
        Assert.Contains("(on-table b)", cell.World.Facts());
        Assert.Contains("(hand-empty)", cell.World.Facts());
    }

    [Fact]
    public async Task A_lagging_servo_trails_its_command_during_the_motion()
    {
        using var cell = new SimulatedCell("tabletop-2.json");
        cell.Rig.Faults.Apply(new ServoLag(TimeSpan.Zero, "base", 0.1));
        var planner = cell.Expander.Planner;
        var target = Hardware.Kinematics.JointAngles.FromDegrees(45, 90, -90, -90);

        await cell.Rig.Clock.RunUntilAsync(cell.Arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), planner.Plan(cell.Arm.CommandedAngles, target))), TimeSpan.FromMinutes(1));

        var actual = cell.Rig.Arm.Angles.DegreesAt(0);
        Assert.InRange(actual, 10, 44); // 400°/s × 0.1 = 40°/s against a command at 90°/s
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(45, cell.Rig.Arm.Angles.DegreesAt(0), 0);
    }

    [Fact]
    public async Task A_stuck_object_held_sensor_keeps_reading_empty_while_the_block_is_in_the_gripper()
    {
        using var cell = new SimulatedCell("tabletop-2.json");
        var held = cell.Rig.Sensors.Input("object-held");
        cell.Rig.Faults.Apply(new StuckInput(TimeSpan.Zero, "object-held", Active: false));

        await cell.RunAsync("pick", "c");

        Assert.Contains("(holding c)", cell.World.Facts());
        Assert.Equal(System.Device.Gpio.PinValue.High, cell.Rig.Gpio.LevelOf(held.Pin)); // inactive: the sensor lies
    }

    [Fact]
    public async Task The_simulated_encoders_report_true_angles_that_differ_from_the_commanded_ones_under_a_stall()
    {
        using var cell = new SimulatedCell("tabletop-2.json");
        using var encoders = new Arm.SimulatedJointSensor(cell.Rig.Arm, cell.Rig.Clock);
        cell.Rig.Faults.Apply(new ServoStall(TimeSpan.Zero, "base"));
        var target = Hardware.Kinematics.JointAngles.FromDegrees(30, 90, -90, -90);

        await cell.Rig.Clock.RunUntilAsync(cell.Arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), cell.Expander.Planner.Plan(cell.Arm.CommandedAngles, target))), TimeSpan.FromMinutes(1));

        var measured = Assert.IsType<JointAnglesReading>(Assert.Single(encoders.ReadAll()));
        Assert.True(measured.Measured);
        Assert.Equal(0, measured.Angles.DegreesAt(0), 0);
        Assert.Equal(30, cell.Arm.CommandedAngles.DegreesAt(0), 6);
    }

    [Fact]
    public void Faults_for_unknown_joints_or_inputs_are_refused_naming_what_exists()
    {
        var rig = new SimulatedRig(TestRobot.Arm4, new TabletopWorld());

        var joint = Assert.Throws<ArgumentException>(() => rig.Faults.Schedule(new ServoStall(TimeSpan.FromSeconds(1), "knee")));
        var input = Assert.Throws<ArgumentException>(() => rig.Faults.Schedule(new StuckInput(TimeSpan.FromSeconds(1), "door", true)));

        Assert.Contains("its joints are: base, shoulder, elbow, wrist", joint.Message, StringComparison.Ordinal);
        Assert.Contains("has no input \"door\"", input.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_stop_press_scheduled_at_a_time_drives_the_input_low_at_exactly_that_time()
    {
        var rig = new SimulatedRig(TestRobot.Arm4, new TabletopWorld());
        var estop = rig.Sensors.Input("e-stop");
        rig.Faults.Schedule(new EmergencyStopPress(TimeSpan.FromSeconds(2.5)));

        rig.Clock.Advance(TimeSpan.FromSeconds(2.4));
        Assert.Equal(System.Device.Gpio.PinValue.High, rig.Gpio.LevelOf(estop.Pin));
        rig.Clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(System.Device.Gpio.PinValue.Low, rig.Gpio.LevelOf(estop.Pin));
        Assert.Equal(TimeSpan.FromSeconds(2.5), Assert.Single(rig.Faults.FiredFaults).At);
        _ = typeof(InputRole);
    }
}
