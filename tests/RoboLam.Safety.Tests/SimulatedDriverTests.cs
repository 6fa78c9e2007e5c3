using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Sim.Faults;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>
/// The gate over the unchanged drivers on the simulated bus and GPIO chip: what the simulated PCA9685 actually
/// received, and when.
/// </summary>
public sealed class SimulatedDriverTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);
    private static readonly int[] s_jointChannels = [0, 1, 2, 3];

    [Fact]
    public async Task An_e_stop_pressed_on_the_gpio_pin_mid_motion_decelerates_and_the_board_receives_nothing_after_the_deceleration()
    {
        using var cell = new SimulatedCell();
        var move = new FollowTrajectory(new CommandId("sweep"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(70), 2.0));
        var pressAt = TimeSpan.FromSeconds(0.5);
        cell.Rig.Faults.Schedule(new EmergencyStopPress(pressAt));

        var outcome = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(move), s_limit);
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CommandStatus.Stopped, outcome.Status);
        var deceleration = cell.Robot.Stop.DecelerationTime.ToTimeSpan();
        Assert.All(cell.BoardWrites, write => Assert.True(write.At <= pressAt + deceleration, $"the board was written at {write.At}, after the stop ended"));
        Assert.Contains(cell.BoardWrites, write => write.At > pressAt);
        Assert.All(s_jointChannels, channel => Assert.NotNull(cell.Rig.ServoBoard.PulseWidth(channel)));
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public async Task After_a_controlled_stop_and_a_reset_the_next_trajectory_is_checked_from_where_the_deceleration_left_the_arm()
    {
        using var cell = new SimulatedCell();
        cell.Rig.Faults.Schedule(new EmergencyStopPress(TimeSpan.FromSeconds(0.5)));
        var stopped = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("sweep"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(70), 2.0))), s_limit);
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));
        cell.SetEStop(false);
        var reset = cell.Supervisor.Reset(cell.Now);

        // Planned from the arm's real position, which the ramp moved on past the last admitted sample.
        var next = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("from-rest"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(20), 1.0))), s_limit);

        Assert.Equal(CommandStatus.Stopped, stopped.Status);
        Assert.True(reset.Accepted, reset.Message);
        Assert.True(next.Status == CommandStatus.Completed, next.Reason);
    }

    [Fact]
    public async Task Category_0_with_released_outputs_cuts_every_servo_pulse_at_the_moment_of_the_edge()
    {
        var robot = TestRobots.Arm4 with { Stop = new StopBehaviour(StopCategory.Uncontrolled, UnitsNet.Duration.Zero, OutputsAfterStop.Released) };
        using var cell = new SimulatedCell(robot);
        var pressAt = TimeSpan.FromSeconds(0.5);
        cell.Rig.Faults.Schedule(new EmergencyStopPress(pressAt));

        var outcome = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("sweep"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(70), 2.0))), s_limit);

        Assert.Equal(CommandStatus.Stopped, outcome.Status);
        Assert.Equal(pressAt, cell.Rig.Clock.Elapsed);
        Assert.All(s_jointChannels.Append(4), channel => Assert.Null(cell.Rig.ServoBoard.PulseWidth(channel)));
        var writes = cell.BoardWrites.Count;
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(writes, cell.BoardWrites.Count);
    }

    [Fact]
    public async Task Commands_refused_after_an_e_stop_never_reach_the_board_and_after_a_reset_nothing_is_written_until_a_new_command()
    {
        using var cell = new SimulatedCell();
        cell.SetEStop(true);
        var writesAfterPress = cell.Rig.ServoBoard.WriteCount;

        var refused = await cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("while-pressed"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(20), 1.0)));
        cell.SetEStop(false);
        var reset = cell.Supervisor.Reset(cell.Now);
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));
        var writesAfterReset = cell.Rig.ServoBoard.WriteCount;
        var next = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("after-reset"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(20), 1.0))), s_limit);

        Assert.Equal(CommandStatus.Refused, refused.Status);
        Assert.Contains(SafetyRules.EmergencyStop, refused.Reason, StringComparison.Ordinal);
        Assert.True(reset.Accepted, reset.Message);
        Assert.Equal(writesAfterPress, writesAfterReset);
        Assert.Equal(CommandStatus.Completed, next.Status);
        Assert.True(cell.Rig.ServoBoard.WriteCount > writesAfterReset);
    }

    [Fact]
    public async Task A_sweep_through_the_keep_out_box_never_reaches_the_board_and_the_decoded_joints_stay_put()
    {
        using var cell = new SimulatedCell();
        var toStart = await cell.Rig.Clock.RunUntilAsync(cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("stretch"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Stretched(-35), 2.0))), s_limit);
        cell.Rig.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var writes = cell.Rig.ServoBoard.WriteCount;
        var before = cell.Rig.Arm.Angles;

        var sweep = await cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("sweep"), Moves.Linear(Moves.Stretched(-35), Moves.Stretched(35), 1.5)));
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CommandStatus.Completed, toStart.Status);
        Assert.Equal(CommandStatus.Refused, sweep.Status);
        Assert.Contains("keep-out:camera-mast", sweep.Reason, StringComparison.Ordinal);
        Assert.Equal(writes, cell.Rig.ServoBoard.WriteCount);
        Assert.True(before.MaxDifference(cell.Rig.Arm.Angles).Degrees < 0.01);
    }

    [Fact]
    public async Task Opening_the_door_during_motion_stops_the_real_driver_within_its_deceleration_time()
    {
        using var cell = new SimulatedCell();
        var running = cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("sweep"), Moves.Linear(cell.Driver.CommandedAngles, Moves.Folded(70), 2.0)));
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(0.6));
        var openedAt = cell.Rig.Clock.Elapsed;

        cell.Supervisor.SetFact("(door-open)", true, cell.Now);
        var outcome = await cell.Rig.Clock.RunUntilAsync(running, s_limit);
        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CommandStatus.Stopped, outcome.Status);
        Assert.All(cell.BoardWrites, write => Assert.True(write.At <= openedAt + cell.Robot.Stop.DecelerationTime.ToTimeSpan()));
    }

    [Fact]
    public async Task In_reduced_speed_the_decoded_joints_never_turn_faster_than_the_reduced_limits()
    {
        using var cell = new SimulatedCell();
        cell.Supervisor.RequestMode(SafetyMode.ReducedSpeed, cell.Now);
        var planner = new TrajectoryPlanner(cell.Robot.Arm.Joints, cell.Robot.Motion.SamplePeriod);
        var running = cell.Gate.ExecuteAsync(new FollowTrajectory(new CommandId("fast"), planner.Plan(cell.Driver.CommandedAngles, JointAngles.FromDegrees(40, 70, -100, -60))));
        var limits = cell.Robot.Arm.Joints.Select(joint => joint.MaxSpeed.DegreesPerSecond * cell.Robot.Safety!.ReducedSpeedScale).ToArray();
        var previous = cell.Rig.Arm.Angles;

        // Over half-second windows; one PCA9685 count is about 0.44° of these servos, so allow two counts of rounding.
        while (!running.IsCompleted)
        {
            cell.Rig.Clock.Advance(TimeSpan.FromMilliseconds(500));
            var now = cell.Rig.Arm.Angles;
            for (var joint = 0; joint < 4; joint++)
            {
                var turned = Math.Abs(now.DegreesAt(joint) - previous.DegreesAt(joint));
                Assert.True(turned <= (limits[joint] * 0.5) + 0.9, $"joint {joint} turned {turned:0.##}° in 0.5 s, the reduced limit allows {limits[joint] * 0.5:0.##}°");
            }

            previous = now;
        }

        Assert.Equal(CommandStatus.Completed, (await running).Status);
    }

    [Fact]
    public void A_servo_board_that_stops_answering_faults_the_cell_through_the_heartbeat_watchdog()
    {
        using var cell = new SimulatedCell();
        cell.SetEStop(false);
        cell.Rig.Faults.Schedule(new DeviceSilent(TimeSpan.FromSeconds(0.3)));

        cell.Rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var status = cell.Supervisor.Status(cell.Now);
        var reset = cell.Supervisor.Reset(cell.Now);

        Assert.Equal(SafetyMode.Fault, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Rule == SafetyRules.Watchdog && cause.Description.Contains("no heartbeat from \"arm4\"", StringComparison.Ordinal));
        Assert.False(reset.Accepted);
    }
}
