using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Tests.Support;
using UnitsNet;

namespace RoboLam.Safety.Tests;

/// <summary>The envelope in the pure core: joint limits, speed limits, bounds and keep-out boxes along the whole path.</summary>
public sealed class EnvelopeTests
{
    private static readonly SafetyEnvelope s_arm4 = SafetyEnvelope.For(TestRobots.Arm4);

    [Fact]
    public void A_straight_joint_move_whose_end_is_fine_but_whose_path_crosses_a_keep_out_box_is_refused()
    {
        var sweep = Follow(Moves.Linear(Moves.Stretched(-30), Moves.Stretched(30), 1.0));

        Assert.True(SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(JointTrajectory.Hold(Moves.Stretched(-30)))).Permits, "the start pose is fine");
        Assert.True(SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(JointTrajectory.Hold(Moves.Stretched(30)))).Permits, "the end pose is fine");
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, sweep);

        Assert.Equal(SafetyVerdict.Refuse, decision.Verdict);
        Assert.Equal("keep-out:camera-mast", decision.Rule);
        Assert.Contains("keep-out box \"camera-mast\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_sweep_with_the_arm_folded_clear_of_the_box_is_allowed()
    {
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(Moves.Linear(Moves.Folded(-30), Moves.Folded(30), 1.0)));

        Assert.Equal(SafetyVerdict.Allow, decision.Verdict);
    }

    [Fact]
    public void A_crossing_between_two_samples_is_found_even_when_every_sample_is_clear()
    {
        // Two samples only: -30° and +30°, both clear of the mast; the swept arc between them is not.
        var twoSamples = new JointTrajectory([new TrajectorySample(Duration.Zero, Moves.Stretched(-30)), new TrajectorySample(Duration.FromSeconds(1), Moves.Stretched(30))]);

        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(twoSamples));

        Assert.Equal("keep-out:camera-mast", decision.Rule);
        Assert.Contains("between samples 0 and 1", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forearm_is_checked_not_only_the_fingertips()
    {
        // Arm stretched straight ahead over a post: the elbow stops short of it, the fingertips reach past it,
        // so only the forearm (elbow to wrist) passes through.
        var box = new NamedBox("post", SpaceBox.FromMeters(0.28, 0.32, 0.40, 0.44, 0.0, 0.5));
        var envelope = EnvelopeWith(safety => safety with { KeepOut = [box] });
        var pose = Moves.Stretched(0);
        var geometry = new ArmGeometry(TestRobots.Arm4.Arm).Pose(pose);
        Assert.True(geometry.Tip.Y > 0.45 && geometry.Elbow.Y < 0.39, "the fingertips and the elbow are on either side of the post");

        var decision = SafetyCore.Decide(SafetySnapshot.Normal, envelope, Follow(JointTrajectory.Hold(pose)));

        Assert.Equal("keep-out:post", decision.Rule);
        Assert.Contains("forearm", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_leaves_the_workspace_bounds_is_refused_naming_the_point()
    {
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(Moves.Linear(Moves.Stretched(-30), Moves.Stretched(-85), 1.0)));

        Assert.Equal(SafetyRules.WorkspaceBounds, decision.Rule);
        Assert.Contains("outside the workspace bounds", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_beyond_a_joint_limit_is_refused_naming_the_joint_and_the_sample()
    {
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(Moves.Linear(Moves.Folded(0), JointAngles.FromDegrees(0, 178, -90, -90), 2.0)));

        Assert.Equal(SafetyRules.JointLimit, decision.Rule);
        Assert.Contains("shoulder joint", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("limits 5° to 175°", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trajectory_faster_than_a_joint_speed_limit_is_refused_in_normal_mode()
    {
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(Moves.Linear(Moves.Folded(0), Moves.Folded(60), 0.2)));

        Assert.Equal(SafetyRules.JointSpeedLimit, decision.Rule);
        Assert.Contains("base joint would turn at 300°/s", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("limit is 90°/s", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trajectory_planned_at_exactly_the_speed_limits_is_allowed()
    {
        var planner = new TrajectoryPlanner(TestRobots.Arm4.Arm.Joints, TestRobots.Arm4.Motion.SamplePeriod);

        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(planner.Plan(Moves.Folded(-40), Moves.Folded(40))));

        Assert.Equal(SafetyVerdict.Allow, decision.Verdict);
    }

    [Fact]
    public void A_trajectory_that_does_not_start_where_the_arm_is_is_refused()
    {
        var state = SafetySnapshot.Normal with { ArmPosition = Moves.Folded(0) };

        var decision = SafetyCore.Decide(state, s_arm4, Follow(Moves.Linear(Moves.Folded(20), Moves.Folded(30), 1.0)));

        Assert.Equal(SafetyRules.StartPosition, decision.Rule);
    }

    [Fact]
    public void Every_place_of_arm4_can_be_reached_from_home_within_the_envelope()
    {
        var robot = TestRobots.Arm4;
        var kinematics = new ArmKinematics(robot.Arm);
        var planner = new TrajectoryPlanner(robot.Arm.Joints, robot.Motion.SamplePeriod);
        var path = new CartesianPath(kinematics, robot.Motion.PathStep);
        foreach (var place in robot.Places.Where(place => place.Kind != PlaceKind.Home))
        {
            var target = new Point3(place.X, place.Y, place.Z + robot.Workspace.LowestReach);
            var above = target.WithZ(robot.Motion.TravelHeight);
            var home = kinematics.Forward(robot.Arm.HomeAngles);
            var waypoints = path.Through([home, home.WithZ(robot.Motion.TravelHeight), above, target]);

            var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, Follow(planner.Plan([robot.Arm.HomeAngles, .. waypoints.Skip(1)])));

            Assert.True(decision.Verdict == SafetyVerdict.Allow, $"{place.Name}: {decision}");
        }
    }

    [Fact]
    public void The_fingertips_of_the_safety_geometry_match_the_hardware_forward_kinematics()
    {
        var geometry = new ArmGeometry(TestRobots.Arm4.Arm);
        var kinematics = new ArmKinematics(TestRobots.Arm4.Arm);
        var random = new Random(6);
        for (var trial = 0; trial < 200; trial++)
        {
            var angles = JointAngles.FromDegrees(random.Next(-85, 86), random.Next(5, 176), random.Next(-165, -4), random.Next(-100, 81));

            var tip = geometry.Pose(angles).Tip;
            var expected = kinematics.Forward(angles);

            Assert.Equal(expected.XMeters, tip.X, 9);
            Assert.Equal(expected.YMeters, tip.Y, 9);
            Assert.Equal(expected.ZMeters, tip.Z, 9);
        }
    }

    [Fact]
    public void Opening_the_gripper_beyond_its_limits_is_refused()
    {
        var envelope = EnvelopeWith(safety => safety with { Gripper = new GripperLimits(Angle.FromDegrees(30), Angle.FromDegrees(120)) });

        var open = SafetyCore.Decide(SafetySnapshot.Normal, envelope, new OperateGripper(new CommandId("open"), GripperAction.Open));
        var close = SafetyCore.Decide(SafetySnapshot.Normal, envelope, new OperateGripper(new CommandId("close"), GripperAction.Close));

        Assert.Equal(SafetyRules.GripperLimit, open.Rule);
        Assert.Contains("20°, outside its limits 30° to 120°", open.Reason, StringComparison.Ordinal);
        Assert.True(close.Permits);
    }

    [Fact]
    public void A_command_kind_the_core_has_no_rules_for_is_refused()
    {
        var decision = SafetyCore.Decide(SafetySnapshot.Normal, s_arm4, new UnknownCommand(new CommandId("x")));

        Assert.Equal(SafetyRules.UnknownCommand, decision.Rule);
    }

    internal static FollowTrajectory Follow(JointTrajectory trajectory, string id = "t") => new(new CommandId(id), trajectory);

    internal static SafetyEnvelope EnvelopeWith(Func<SafetyDescription, SafetyDescription> edit) =>
        SafetyEnvelope.For(TestRobots.Arm4 with { Safety = edit(TestRobots.Arm4.Safety!) });

    private sealed record UnknownCommand(CommandId Id) : ActuatorCommand(Id);
}
