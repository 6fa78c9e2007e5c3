using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>Modes: normal, reduced speed, stopped, fault; stricter modes are always granted, looser ones only when nothing is latched.</summary>
public sealed class ModeTests
{
    [Fact]
    public async Task Reduced_speed_clamps_a_fast_trajectory_to_the_reduced_limits_along_the_same_path()
    {
        using var cell = new Cell();
        cell.Supervisor.RequestMode(SafetyMode.ReducedSpeed, cell.Now);
        var move = cell.Move(cell.Home, Moves.Folded(30), 1.0);

        var decision = cell.Supervisor.Check(cell.Robot.Name, move, cell.Now);
        var running = cell.Gate.ExecuteAsync(move);
        cell.Clock.Advance(1500);

        Assert.Equal(SafetyVerdict.Clamp, decision.Verdict);
        var sent = Assert.IsType<FollowTrajectory>(Assert.Single(cell.Arm.Received));
        Assert.Equal(move.Id, sent.Id);
        Assert.Equal(30.0 / 22.5, sent.Trajectory.Duration.Seconds, 3);
        Assert.All(sent.Trajectory.PeakSpeedsDegreesPerSecond().Zip(cell.Robot.Arm.Joints), pair => Assert.True(pair.First <= (pair.Second.MaxSpeed.DegreesPerSecond * 0.25) + 1e-6));
        Assert.Equal(move.Trajectory.End, sent.Trajectory.End);
        Assert.Equal(CommandStatus.Completed, (await running).Status);
    }

    [Fact]
    public void Reduced_speed_passes_a_trajectory_already_slow_enough_unchanged()
    {
        using var cell = new Cell();
        cell.Supervisor.RequestMode(SafetyMode.ReducedSpeed, cell.Now);

        var decision = cell.Supervisor.Check(cell.Robot.Name, cell.Move(cell.Home, Moves.Folded(10), 1.0), cell.Now);

        Assert.Equal(SafetyVerdict.Allow, decision.Verdict);
    }

    [Fact]
    public async Task Asking_for_reduced_speed_stops_a_running_motion_that_is_faster_than_reduced_speed()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(60), 1.0));
        cell.Clock.Advance(200);

        var result = cell.Supervisor.RequestMode(SafetyMode.ReducedSpeed, cell.Now);

        Assert.True(result.Accepted);
        var stop = Assert.Single(cell.Arm.Stops);
        Assert.Contains(SafetyRules.ReducedSpeed, stop.Reason, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.Equal(SafetyMode.ReducedSpeed, cell.Supervisor.Mode);
    }

    [Fact]
    public async Task The_stopped_mode_stops_running_motion_and_refuses_every_command_until_normal_is_asked_for()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(40), 1.0));
        cell.Clock.Advance(200);

        cell.Supervisor.RequestMode(SafetyMode.Stopped, cell.Now);
        var outcome = await cell.Gate.ExecuteAsync(new SetDigitalOutput(new CommandId("lamp"), "status-lamp", true));

        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Contains(SafetyRules.OperatorStop, outcome.Reason, StringComparison.Ordinal);
        Assert.True(cell.Supervisor.RequestMode(SafetyMode.Normal, cell.Now).Accepted);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
    }

    [Fact]
    public void Returning_to_normal_is_refused_while_an_e_stop_is_latched()
    {
        using var cell = new Cell();
        cell.Press();
        cell.Release();

        var result = cell.Supervisor.RequestMode(SafetyMode.Normal, cell.Now);

        Assert.False(result.Accepted);
        Assert.Contains("reset first", result.Reason, StringComparison.Ordinal);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public void The_fault_mode_cannot_be_asked_for()
    {
        using var cell = new Cell();

        var result = cell.Supervisor.RequestMode(SafetyMode.Fault, cell.Now);

        Assert.False(result.Accepted);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
    }
}
