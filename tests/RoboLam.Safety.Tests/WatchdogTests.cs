using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>Heartbeat watchdogs: silence leads to the configured safe stop and a fault that needs a reset.</summary>
public sealed class WatchdogTests
{
    [Fact]
    public async Task A_device_silent_for_longer_than_its_timeout_gets_the_configured_safe_stop_and_faults_the_cell()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(60), 2.0));
        cell.Clock.Advance(200);
        cell.Beating = false;
        var writesWhenSilent = cell.Arm.Writes.Count;

        cell.Clock.Advance(350);
        cell.Supervisor.Tick(cell.Now);

        var stop = Assert.Single(cell.Arm.Stops);
        Assert.Equal(StopCategory.Uncontrolled, stop.Category);
        Assert.Contains("no heartbeat from \"arm4\"", stop.Reason, StringComparison.Ordinal);
        Assert.Equal(SafetyMode.Fault, cell.Supervisor.Mode);
        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.True(cell.Arm.Writes.Count - writesWhenSilent <= 21, "writes stop once the timeout has passed");
    }

    [Fact]
    public void A_reset_is_refused_until_the_silent_device_beats_again()
    {
        using var cell = new Cell();
        cell.Beating = false;
        cell.Clock.Advance(400);
        cell.Supervisor.Tick(cell.Now);

        var whileSilent = cell.Supervisor.Reset(cell.Now);
        cell.Beating = true;
        cell.Clock.Advance(150);
        var afterBeat = cell.Supervisor.Reset(cell.Now);

        Assert.False(whileSilent.Accepted);
        Assert.Contains("no heartbeat from \"arm4\"", whileSilent.Message, StringComparison.Ordinal);
        Assert.True(afterBeat.Accepted, afterBeat.Message);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Mode);
    }

    [Fact]
    public void The_control_loop_watchdog_arms_on_its_first_beat_and_trips_on_a_gap()
    {
        using var cell = new Cell();
        cell.Clock.Advance(2000);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Status(cell.Now).Mode);

        cell.Supervisor.ControlLoopHeartbeat(cell.Now);
        cell.Clock.Advance(400);
        cell.Supervisor.ControlLoopHeartbeat(cell.Now);
        Assert.Equal(SafetyMode.Normal, cell.Supervisor.Status(cell.Now).Mode);
        cell.Clock.Advance(600);

        var status = cell.Supervisor.Status(cell.Now);
        Assert.Equal(SafetyMode.Fault, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Rule == SafetyRules.Watchdog && cause.Description.Contains("control loop", StringComparison.Ordinal));
        Assert.Single(cell.Arm.Stops);
    }

    [Fact]
    public void A_heartbeat_that_reports_a_fault_faults_the_cell_until_a_clean_beat_and_a_reset()
    {
        using var cell = new Cell();

        cell.Arm.Beat(ActuatorState.Faulted, "servo board write failed");
        var refusedReset = cell.Supervisor.Reset(cell.Now);
        cell.Arm.Beat(ActuatorState.Idle);
        var acceptedReset = cell.Supervisor.Reset(cell.Now);

        Assert.False(refusedReset.Accepted);
        Assert.Contains("servo board write failed", refusedReset.Message, StringComparison.Ordinal);
        Assert.True(acceptedReset.Accepted, acceptedReset.Message);
        Assert.Single(cell.Arm.Stops);
    }

    [Fact]
    public void The_ticker_notices_a_silent_device_without_any_other_input()
    {
        using var cell = new Cell();
        using var ticker = new SupervisorTicker(cell.Supervisor, cell.Clock, TimeSpan.FromMilliseconds(50));
        cell.Beating = false;

        cell.Clock.Advance(350);

        Assert.Equal(SafetyMode.Fault, cell.Supervisor.Mode);
        Assert.Single(cell.Arm.Stops);
    }
}
