using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.EmergencyStop;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>The e-stop: it latches, it never resumes by itself, and a reset needs the cause gone.</summary>
public sealed class EmergencyStopTests
{
    [Fact]
    public async Task A_press_latches_and_every_later_command_is_refused_before_it_reaches_the_arm()
    {
        using var cell = new Cell();
        cell.Press();
        cell.Release();

        var outcome = await cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(10), 1.0));

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Contains("safety (emergency-stop)", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("e-stop \"cell-e-stop\" pressed", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(cell.Arm.Received);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public async Task A_press_during_motion_stops_the_arm_at_once_with_the_robot_files_stop_category_and_no_sample_follows()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(40), 1.0));
        cell.Clock.Advance(300);
        var writesBefore = cell.Arm.Writes.Count;

        cell.Press();
        cell.Clock.Advance(1000);

        var stop = Assert.Single(cell.Arm.Stops);
        Assert.Equal(StopCategory.Controlled, stop.Category);
        Assert.Equal(writesBefore, cell.Arm.Writes.Count);
        Assert.Equal(CommandStatus.Stopped, (await running).Status);
    }

    [Fact]
    public void Releasing_the_e_stop_does_not_unlatch_it()
    {
        using var cell = new Cell();
        cell.Press();
        cell.Clock.Advance(50);
        cell.Release();
        cell.Clock.Advance(5000);

        var decision = cell.Supervisor.Check(cell.Robot.Name, cell.Move(cell.Home, Moves.Folded(10), 1.0), cell.Now);

        Assert.Equal(SafetyRules.EmergencyStop, decision.Rule);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public void A_reset_while_the_e_stop_is_still_pressed_is_refused_and_names_the_pressed_channel()
    {
        using var cell = new Cell();
        cell.Press();

        var reset = cell.Supervisor.Reset(cell.Now);

        Assert.False(reset.Accepted);
        Assert.Contains("e-stop channel \"e-stop\" is still pressed", reset.Message, StringComparison.Ordinal);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public async Task After_an_accepted_reset_the_interrupted_motion_does_not_resume_and_only_a_new_command_moves()
    {
        using var cell = new Cell();
        var interrupted = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(40), 1.0, "first"));
        cell.Clock.Advance(300);
        cell.Press();
        await interrupted;
        cell.Release();

        var reset = cell.Supervisor.Reset(cell.Now);
        var writesAtReset = cell.Arm.Writes.Count;
        cell.Clock.Advance(3000);

        Assert.True(reset.Accepted, reset.Message);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
        Assert.Equal(writesAtReset, cell.Arm.Writes.Count);
        Assert.Single(cell.Arm.Received);

        var next = cell.Gate.ExecuteAsync(cell.Move(cell.Arm.Position!, Moves.Folded(0), 1.0, "second"));
        cell.Clock.Advance(1100);
        Assert.Equal(CommandStatus.Completed, (await next).Status);
    }

    [Fact]
    public void Console_mqtt_and_dashboard_requests_latch_like_a_press_and_reset_once_asked()
    {
        foreach (var source in new[] { StopSource.Console, StopSource.Mqtt, StopSource.Dashboard })
        {
            using var cell = new Cell();

            cell.Supervisor.RequestEmergencyStop(source, "operator pressed stop", cell.Now);

            Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
            Assert.Single(cell.Arm.Stops);
            var decision = cell.Supervisor.Check(cell.Robot.Name, cell.Move(cell.Home, Moves.Folded(10), 1.0), cell.Now);
            Assert.Contains($"requested from the {source.ToString().ToLowerInvariant()}", decision.Reason, StringComparison.Ordinal);
            Assert.True(cell.Supervisor.Reset(cell.Now).Accepted);
            Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
        }
    }

    [Fact]
    public void A_dual_channel_e_stop_whose_channels_disagree_longer_than_the_discrepancy_time_faults()
    {
        using var cell = new Cell(TestRobots.DualChannelArm4);
        cell.Press("e-stop");
        cell.Clock.Advance(60);
        cell.Supervisor.Tick(cell.Now);

        var status = cell.Supervisor.Status(cell.Now);

        Assert.Equal(SafetyMode.Fault, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Rule == SafetyRules.EmergencyStopDiscrepancy && cause.Description.Contains("\"e-stop-b\" released", StringComparison.Ordinal));
    }

    [Fact]
    public void Dual_channel_presses_that_agree_within_the_discrepancy_time_latch_without_a_fault()
    {
        using var cell = new Cell(TestRobots.DualChannelArm4);
        cell.Press("e-stop");
        cell.Clock.Advance(30);
        cell.Press("e-stop-b");
        cell.Clock.Advance(500);
        cell.Release("e-stop");
        cell.Clock.Advance(20);
        cell.Release("e-stop-b");
        cell.Clock.Advance(500);

        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Status(cell.Now).Mode);
        Assert.True(cell.Supervisor.Reset(cell.Now).Accepted);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
    }

    [Fact]
    public void The_first_channel_of_a_dual_channel_e_stop_stops_without_waiting_for_the_second()
    {
        using var cell = new Cell(TestRobots.DualChannelArm4);

        cell.Press("e-stop-b");

        Assert.Single(cell.Arm.Stops);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
    }

    [Fact]
    public void A_reset_is_refused_while_the_dual_channels_still_disagree()
    {
        using var cell = new Cell(TestRobots.DualChannelArm4);
        cell.Press("e-stop");
        cell.Press("e-stop-b");
        cell.Release("e-stop");
        cell.Clock.Advance(100);

        var reset = cell.Supervisor.Reset(cell.Now);

        Assert.False(reset.Accepted);
        Assert.Contains("disagree", reset.Message, StringComparison.Ordinal);
        Assert.Equal(SafetyMode.Fault, cell.Supervisor.Mode);
    }

    [Fact]
    public void Nothing_moves_until_every_e_stop_channel_has_reported_its_state()
    {
        using var cell = new Cell(reportChannels: false);
        var move = cell.Move(cell.Home, Moves.Folded(10), 1.0);

        var before = cell.Supervisor.Check(cell.Robot.Name, move, cell.Now);
        cell.Release();
        var after = cell.Supervisor.Check(cell.Robot.Name, move, cell.Now);

        Assert.Equal(SafetyRules.NotReady, before.Rule);
        Assert.Contains("has not reported its state", before.Reason, StringComparison.Ordinal);
        Assert.True(after.Permits, after.ToString());
    }

    [Fact]
    public void A_press_from_a_channel_the_robot_file_does_not_know_still_stops()
    {
        using var cell = new Cell();

        cell.Supervisor.EmergencyStopChannelChanged("pendant-e-stop", pressed: true, cell.Now);

        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
        Assert.Single(cell.Arm.Stops);
    }
}
