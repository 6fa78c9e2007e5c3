using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>A motion that outlasts its plan (stalled or lagging servo) is stopped and faults the cell.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task A_motion_still_running_after_its_planned_duration_plus_the_slack_is_stopped_and_faults_the_cell()
    {
        using var cell = new Cell();
        cell.Arm.Stalls = true;
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(20), 1.0));

        cell.Clock.Advance(1400);
        var beforeDeadline = cell.Supervisor.Status(cell.Now).Mode;
        cell.Clock.Advance(200);
        var status = cell.Supervisor.Status(cell.Now);

        Assert.Equal(SafetyMode.Normal, beforeDeadline);
        Assert.Equal(SafetyMode.Fault, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Rule == SafetyRules.MotionDeadline && cause.Description.Contains("after its deadline", StringComparison.Ordinal));
        Assert.Equal(CommandStatus.Stopped, (await running).Status);
    }

    [Fact]
    public async Task A_reset_after_an_overrun_is_refused_while_the_command_still_runs_and_accepted_once_it_has_ended()
    {
        using var cell = new Cell();
        cell.Arm.Stalls = true;
        cell.Arm.IgnoresStops = true;
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(20), 1.0, "stuck"));
        cell.Clock.Advance(1600);

        var whileRunning = cell.Supervisor.Reset(cell.Now);
        cell.Arm.IgnoresStops = false;
        await cell.Arm.StopAsync(new StopRequest(StopCategory.Uncontrolled, "technician freed the servo"));
        await running;
        var afterEnd = cell.Supervisor.Reset(cell.Now);

        Assert.False(whileRunning.Accepted);
        Assert.Contains("\"arm4\" is still running command stuck", whileRunning.Message, StringComparison.Ordinal);
        Assert.True(afterEnd.Accepted, afterEnd.Message);
        Assert.Contains(afterEnd.Cleared, cause => cause.Rule == SafetyRules.MotionDeadline);
    }
}
