using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Hardware.Motion;
using UnitsNet;

namespace RoboLam.Hardware.Tests;

public sealed class MotionExpanderTests
{
    private readonly MotionExpander _expander = new(RobotFiles.Arm4);
    private readonly TableOfBlocks _world = new();

    [Fact]
    public void Pick_expands_to_move_above_open_descend_close_lift_with_stable_command_ids()
    {
        _world.Add("r1", 0.10, 0.20, 0.03);

        var expanded = _expander.Expand("a7", "pick", ["r1"], RobotFiles.Arm4.Arm.HomeAngles, _world);

        Assert.Equal(["move-above r1", "open", "descend r1", "close", "lift"], expanded.Steps.Select(step => BoundText(step)).ToArray());
        Assert.Equal(["a7#0", "a7#1", "a7#2", "a7#3", "a7#4"], expanded.Commands.Select(command => command.Id.Value).ToArray());
        Assert.Equal(GripperAction.Open, Assert.IsType<OperateGripper>(expanded.Steps[1].Command).Action);
        Assert.Equal(GripperAction.Close, Assert.IsType<OperateGripper>(expanded.Steps[3].Command).Action);
    }

    [Fact]
    public void Pick_descends_to_the_grasp_height_of_the_block_and_lifts_to_the_travel_height()
    {
        _world.Add("r1", 0.10, 0.20, 0.03);

        var expanded = _expander.Expand("a1", "pick", ["r1"], RobotFiles.Arm4.Arm.HomeAngles, _world);
        var kinematics = _expander.Kinematics;

        var above = kinematics.Forward(Trajectory(expanded, 0).End);
        AssertNear(Point3.FromMeters(0.10, 0.20, 0.03 + 0.06), above);
        var grasp = kinematics.Forward(Trajectory(expanded, 2).End);
        AssertNear(Point3.FromMeters(0.10, 0.20, 0.015), grasp);
        var lifted = kinematics.Forward(Trajectory(expanded, 4).End);
        AssertNear(Point3.FromMeters(0.10, 0.20, 0.16), lifted);
        Assert.Equal(Trajectory(expanded, 4).End, expanded.FinalAngles);
    }

    [Fact]
    public void The_descent_is_a_vertical_line_at_every_sample()
    {
        _world.Add("g1", 0.25, 0.20, 0.06);

        var expanded = _expander.Expand("a1", "unstack", ["g1", "r2"], RobotFiles.Arm4.Arm.HomeAngles, _world);

        foreach (var sample in Trajectory(expanded, 2).Samples)
        {
            var point = _expander.Kinematics.Forward(sample.Angles);
            Assert.InRange(point.XMeters, 0.25 - 1e-3, 0.25 + 1e-3);
            Assert.InRange(point.YMeters, 0.20 - 1e-3, 0.20 + 1e-3);
        }
    }

    [Fact]
    public void Place_on_sets_the_carried_block_on_top_of_the_target()
    {
        _world.Add("b1", 0.40, 0.20, 0.045);
        _world.Add("r1", 0.10, 0.20, 0.03);

        var expanded = _expander.Expand("a2", "place-on", ["r1", "b1"], RobotFiles.Arm4.Arm.HomeAngles, _world);

        // The carried block (3 cm, gripped 1.5 cm below its top) must end with its bottom on b1's top (4.5 cm).
        var release = _expander.Kinematics.Forward(Trajectory(expanded, 1).End);
        AssertNear(Point3.FromMeters(0.40, 0.20, 0.045 + 0.03 - 0.015), release);
    }

    [Fact]
    public void Put_down_chooses_the_first_free_table_slot()
    {
        _world.Add("r1", 0.10, 0.20, 0.03);
        _world.Add("x", 0.10, 0.30, 0.03);

        var expanded = _expander.Expand("a3", "put-down", ["r1"], RobotFiles.Arm4.Arm.HomeAngles, _world);

        var release = _expander.Kinematics.Forward(Trajectory(expanded, 1).End);
        AssertNear(Point3.FromMeters(0.20, 0.30, 0.015), release);
    }

    [Fact]
    public void Every_trajectory_of_an_expansion_respects_the_joint_speed_limits()
    {
        _world.Add("r1", 0.10, 0.20, 0.03);
        _world.Add("binR", 0.50, 0.45, 0.06);

        var expanded = _expander.Expand("a4", "put-in", ["r1", "binR"], RobotFiles.Arm4.Arm.HomeAngles, _world);

        var limits = RobotFiles.Arm4.Arm.Joints.Select(joint => joint.MaxSpeed.DegreesPerSecond).ToArray();
        foreach (var command in expanded.Commands.OfType<FollowTrajectory>())
        {
            var peaks = command.Trajectory.PeakSpeedsDegreesPerSecond();
            Assert.All(Enumerable.Range(0, 4), joint => Assert.True(peaks[joint] <= limits[joint] + 1e-6));
        }
    }

    [Fact]
    public void An_unknown_object_or_action_is_refused_with_a_message_that_says_what_to_do()
    {
        var unknownObject = Assert.Throws<MotionBindingException>(() => _expander.Expand("a", "pick", ["ghost"], RobotFiles.Arm4.Arm.HomeAngles, _world));
        var unknownAction = Assert.Throws<MotionBindingException>(() => _expander.Expand("a", "juggle", ["r1"], RobotFiles.Arm4.Arm.HomeAngles, _world));

        Assert.Contains("The position of \"ghost\" is unknown", unknownObject.Message, StringComparison.Ordinal);
        Assert.Contains("no binding for action \"juggle\"", unknownAction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_out_of_reach_makes_the_expansion_fail_naming_the_step()
    {
        _world.Add("far", 0.30, 0.90, 0.03);

        var exception = Assert.Throws<MotionBindingException>(() => _expander.Expand("a", "pick", ["far"], RobotFiles.Arm4.Arm.HomeAngles, _world));

        Assert.Contains("Step \"move-above ?b\" of \"pick far\" is out of reach", exception.Message, StringComparison.Ordinal);
    }

    private static JointTrajectory Trajectory(ExpandedAction expanded, int step) =>
        Assert.IsType<FollowTrajectory>(expanded.Steps[step].Command).Trajectory;

    private static string BoundText(ExpandedStep step) =>
        step.Primitive.ToString().Replace("?b", "r1", StringComparison.Ordinal);

    private static void AssertNear(Point3 expected, Point3 actual) =>
        Assert.True(expected.DistanceTo(actual).Meters < 1e-4, $"expected {expected}, got {actual}");

    /// <summary>A plain lookup table of blocks standing on the table (tops at their heights).</summary>
    private sealed class TableOfBlocks : IObjectPositions
    {
        private readonly Dictionary<string, ObjectLocation> _objects = new(StringComparer.Ordinal);

        public void Add(string name, double x, double y, double height) =>
            _objects[name] = new ObjectLocation(Point3.FromMeters(x, y, height), Length.FromMeters(height));

        public bool TryLocate(string name, out ObjectLocation location) => _objects.TryGetValue(name, out location!);

        public bool IsOccupied(Length x, Length y, Length radius) =>
            _objects.Values.Any(item => Math.Sqrt(Math.Pow(item.Top.XMeters - x.Meters, 2) + Math.Pow(item.Top.YMeters - y.Meters, 2)) < radius.Meters);
    }
}
