using System.Diagnostics;
using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim;
using RoboLam.Sim.World;
using UnitsNet;

namespace RoboLam.Drivers.Tests;

/// <summary>The unchanged ServoArm driver on the simulated PCA9685, checked against the angles the simulator decodes.</summary>
public sealed class ServoArmTests : IDisposable
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);
    private readonly SimulatedRig _rig;
    private readonly ServoArm _arm;
    private readonly TrajectoryPlanner _planner;

    public ServoArmTests()
        : this(TestRobot.Arm4)
    {
    }

    private ServoArmTests(RobotDescription robot)
    {
        _rig = new SimulatedRig(robot, new TabletopWorld());
        _arm = new ServoArm(_rig.CreateServoBoardDevice(), robot, _rig.Clock);
        _planner = new TrajectoryPlanner(robot.Arm.Joints, robot.Motion.SamplePeriod);
    }

    public void Dispose() => _arm.Dispose();

    [Fact]
    public async Task A_trajectory_played_by_the_driver_ends_with_the_simulated_joints_at_its_last_sample()
    {
        var target = JointAngles.FromDegrees(30, 60, -100, -50);
        var trajectory = _planner.Plan(_arm.CommandedAngles, target);

        var outcome = await _rig.Clock.RunUntilAsync(_arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory)), s_limit);
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(200)); // let the servos settle

        Assert.Equal(CommandStatus.Completed, outcome.Status);
        AssertAngles(target, _rig.Arm.Angles, toleranceDegrees: 1.0);
        Assert.Equal(target, _arm.CommandedAngles);
    }

    [Fact]
    public async Task Each_servo_pulse_decodes_to_the_commanded_joint_angle_through_the_robot_files_calibration()
    {
        var target = JointAngles.FromDegrees(-60, 120, -30, 0);
        var trajectory = _planner.Plan(_arm.CommandedAngles, target);

        await _rig.Clock.RunUntilAsync(_arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory)), s_limit);

        var commanded = _rig.Arm.CommandedAngles;
        for (var joint = 0; joint < 4; joint++)
        {
            Assert.InRange(commanded[joint]!.Value.Degrees, target.DegreesAt(joint) - 0.6, target.DegreesAt(joint) + 0.6);
        }

        // The base servo: joint −60° is servo 30° → 500 + 2000 × 30/180 µs.
        Assert.InRange(_rig.ServoBoard.PulseWidth(0)!.Value.Microseconds, 833 - 6, 833 + 6);
    }

    [Fact]
    public async Task The_joints_never_move_faster_than_their_speed_limits_on_the_way()
    {
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(80, 20, -20, -80));
        var task = _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));
        var previous = _rig.Arm.Angles;
        var limits = TestRobot.Arm4.Arm.Joints.Select(joint => joint.MaxSpeed.DegreesPerSecond).ToArray();

        while (!task.IsCompleted)
        {
            _rig.Clock.Advance(TimeSpan.FromMilliseconds(100));
            var now = _rig.Arm.Angles;
            for (var joint = 0; joint < 4; joint++)
            {
                var speed = Math.Abs(now.DegreesAt(joint) - previous.DegreesAt(joint)) / 0.1;
                Assert.True(speed <= limits[joint] * 1.05 + 1, $"joint {joint} moved at {speed:0.#}°/s, limit {limits[joint]}");
            }

            previous = now;
        }

        Assert.Equal(CommandStatus.Completed, (await task).Status);
    }

    [Fact]
    public async Task A_controlled_stop_mid_motion_decelerates_then_holds_and_nothing_is_written_afterwards()
    {
        var target = JointAngles.FromDegrees(80, 90, -90, -90);
        var trajectory = _planner.Plan(_arm.CommandedAngles, target); // base 80° at 90°/s: 0.89 s
        var task = _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(400));

        var stop = _arm.StopAsync(new StopRequest(StopCategory.Controlled, "test stop"));
        await _rig.Clock.RunUntilAsync(stop, s_limit);
        var outcome = await task;
        var writesAtStop = _rig.ServoBoard.WriteCount;
        _rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CommandStatus.Stopped, outcome.Status);
        Assert.Equal("test stop", outcome.Reason);
        Assert.Equal(ActuatorState.Stopped, _arm.State);
        var baseAngle = _rig.Arm.Angles.DegreesAt(0);
        Assert.InRange(baseAngle, 30, 55); // about 36° at the stop, plus a deceleration of 0.2 s from 90°/s
        Assert.NotNull(_rig.ServoBoard.PulseWidth(0)); // "held": pulses continue
        Assert.Equal(writesAtStop, _rig.ServoBoard.WriteCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(115)]
    [InlineData(400)]
    [InlineData(733)]
    [InlineData(880)]
    public async Task A_stop_at_any_moment_of_a_motion_ends_it_stopped_and_no_trajectory_sample_is_written_afterwards(int milliseconds)
    {
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(80, 60, -100, -60)); // 0.89 s
        var task = _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(milliseconds));

        await _rig.Clock.RunUntilAsync(_arm.StopAsync(new StopRequest(StopCategory.Uncontrolled, "now")), s_limit);
        var writes = _rig.ServoBoard.WriteCount;
        var held = _arm.CommandedAngles;
        _rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CommandStatus.Stopped, (await task).Status);
        Assert.Equal(writes, _rig.ServoBoard.WriteCount);
        Assert.Equal(held, _arm.CommandedAngles);
        Assert.NotEqual(trajectory.End, held);
    }

    [Fact]
    public async Task An_uncontrolled_stop_with_released_outputs_cuts_every_servo_pulse_at_once()
    {
        var robot = TestRobot.Arm4 with { Stop = new StopBehaviour(StopCategory.Uncontrolled, Duration.Zero, OutputsAfterStop.Released) };
        using var cell = new ServoArmTests(robot);
        var trajectory = cell._planner.Plan(cell._arm.CommandedAngles, JointAngles.FromDegrees(60, 90, -90, -90));
        var task = cell._arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));
        cell._rig.Clock.Advance(TimeSpan.FromMilliseconds(300));

        await cell._arm.StopAsync(new StopRequest(StopCategory.Uncontrolled, "e-stop"));
        var atStop = cell._rig.Arm.Angles.DegreesAt(0);
        cell._rig.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CommandStatus.Stopped, (await task).Status);
        for (var channel = 0; channel <= 4; channel++)
        {
            Assert.Null(cell._rig.ServoBoard.PulseWidth(channel));
        }

        Assert.True(cell._rig.Arm.IsLimp(0));
        Assert.Equal(atStop, cell._rig.Arm.Angles.DegreesAt(0), 6);
    }

    [Fact]
    public async Task A_command_sent_twice_with_the_same_id_moves_the_arm_only_once()
    {
        var id = CommandId.New();
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(20, 90, -90, -90));
        var first = await _rig.Clock.RunUntilAsync(_arm.ExecuteAsync(new FollowTrajectory(id, trajectory)), s_limit);
        var writes = _rig.ServoBoard.WriteCount;

        var second = await _arm.ExecuteAsync(new FollowTrajectory(id, trajectory));

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Equal(CommandStatus.Completed, second.Status);
        Assert.Equal(writes, _rig.ServoBoard.WriteCount);
    }

    [Fact]
    public async Task A_trajectory_beyond_a_joint_limit_is_refused_before_any_write()
    {
        var writes = _rig.ServoBoard.WriteCount;
        var trajectory = new TrajectoryPlanner(TestRobot.Arm4.Arm.Joints, Duration.FromMilliseconds(500)).Plan(_arm.CommandedAngles, JointAngles.FromDegrees(0, 90, -90, 85));

        var outcome = await _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Contains("puts the wrist at 85°, beyond its limits -100° to 80°", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(writes, _rig.ServoBoard.WriteCount);
    }

    [Fact]
    public async Task A_trajectory_that_does_not_start_where_the_arm_is_is_refused()
    {
        var trajectory = _planner.Plan(JointAngles.FromDegrees(40, 90, -90, -90), JointAngles.FromDegrees(50, 90, -90, -90));

        var outcome = await _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Contains("plan from the current position", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_board_stops_answering_mid_motion_the_command_fails_and_heartbeats_stop()
    {
        var beats = new List<Heartbeat>();
        _arm.Heartbeat += (_, beat) => beats.Add(beat);
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(80, 90, -90, -90));
        var task = _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory));
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.NotEmpty(beats);

        _rig.ServoBoard.Unresponsive = true;
        var outcome = await _rig.Clock.RunUntilAsync(task, s_limit);
        var beatsAtFault = beats.Count;
        _rig.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CommandStatus.Failed, outcome.Status);
        Assert.Contains("does not answer", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(ActuatorState.Faulted, _arm.State);
        Assert.Equal(beatsAtFault, beats.Count);
    }

    [Fact]
    public async Task Cancelling_the_token_halts_the_motion_where_it_is_and_throws()
    {
        using var cancel = new CancellationTokenSource();
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(80, 90, -90, -90));
        var task = _arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory), cancel.Token);
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(300));

        await cancel.CancelAsync();
        var held = _arm.CommandedAngles;
        _rig.Clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(held, _arm.CommandedAngles);
        Assert.Equal(ActuatorState.Idle, _arm.State);
    }

    [Fact]
    public async Task Progress_feedback_runs_from_started_to_completed_for_every_sample()
    {
        var feedback = new List<ActuatorFeedback>();
        _arm.Feedback += (_, item) => feedback.Add(item);
        var trajectory = _planner.Plan(_arm.CommandedAngles, JointAngles.FromDegrees(10, 90, -90, -90));

        await _rig.Clock.RunUntilAsync(_arm.ExecuteAsync(new FollowTrajectory(new CommandId("c1"), trajectory)), s_limit);

        Assert.Equal(FeedbackStatus.Started, feedback[0].Status);
        Assert.Equal(FeedbackStatus.Completed, feedback[^1].Status);
        Assert.Equal(trajectory.Samples.Count + 1, feedback.Count);
        Assert.All(feedback, item => Assert.Equal("c1", item.CommandId.Value));
    }

    [Fact]
    public async Task The_gripper_command_waits_its_actuation_time_and_the_simulated_fingers_get_there()
    {
        var start = _rig.Clock.Elapsed;

        var outcome = await _rig.Clock.RunUntilAsync(_arm.ExecuteAsync(new OperateGripper(CommandId.New(), GripperAction.Close)), s_limit);

        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(0.4), _rig.Clock.Elapsed - start);
        Assert.Equal(110, _rig.Arm.GripperAngle.Degrees, 0);
    }

    private static void AssertAngles(JointAngles expected, JointAngles actual, double toleranceDegrees)
    {
        for (var joint = 0; joint < expected.Count; joint++)
        {
            Assert.True(Math.Abs(expected.DegreesAt(joint) - actual.DegreesAt(joint)) <= toleranceDegrees, $"expected {expected}, got {actual}");
        }
    }
}
