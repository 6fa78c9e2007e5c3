using RoboLam.Cli.Operator;
using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>
/// The broker that carries the operator's e-stop dies while the arm moves: the operator-link watchdog stops the arm
/// (only the controlled stop's ramp follows), the listener reconnects when the broker is back, and still nothing
/// moves until the operator resets the cell and gives a new command.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class BrokerLossTests
{
    [Fact]
    public async Task Losing_the_broker_mid_motion_stops_the_arm_and_nothing_moves_after_it_is_back_until_a_reset_and_a_new_command()
    {
        await using var rig = await OperatorCell.StartAsync();
        var robot = rig.Service.Cell.Arm.Inputs.Robot;
        var command = await rig.StartAndHoldMidMotion(OperatorCell.StackWords);
        _ = command.ContinueWith(_ => { }, TaskScheduler.Default); // its answers are lost with the broker
        var wasBusy = rig.Cell.Hardware.Arm.State == ActuatorState.Busy;
        var lost = rig.Cell.Rig.Clock.Elapsed;

        await rig.Service.Broker!.StopAsync();
        await OperatorCell.Until(() => !rig.Service.Listener.IsConnected, "the listener to notice the broker is gone");
        rig.Service.Cell.Arm.HoldClock = false;
        await OperatorCell.Until(() => rig.Stops.Any(stop => stop.Rule == SafetyRules.Watchdog), "the operator-link watchdog to trip");
        var tripped = rig.Stops.First(stop => stop.Rule == SafetyRules.Watchdog).At;
        await rig.RunFor(TimeSpan.FromSeconds(2));

        Assert.True(wasBusy, "the arm was running a command when the broker went away");
        var timeout = Assert.IsType<RoboLam.Hardware.Description.SafetyDescription>(robot.Safety).Watchdogs.DeviceTimeout.ToTimeSpan();
        Assert.InRange(tripped - lost, TimeSpan.Zero, timeout + TimeSpan.FromMilliseconds(200));
        Assert.NotEqual(SafetyMode.Normal, rig.Service.Cell.Status().Mode);
        var rampSteps = (int)Math.Ceiling(robot.Stop.DecelerationTime.ToTimeSpan() / robot.Motion.SamplePeriod.ToTimeSpan());
        Assert.InRange(rig.Writes.Where(at => at > tripped).Distinct().Count(), 0, rampSteps + 1);

        // The broker comes back: the listener reconnects by itself, the arm does not.
        await rig.Service.Broker.RestartAsync();
        await OperatorCell.Until(() => rig.Service.Listener.IsConnected, "the listener to reconnect");
        var writesBack = rig.Writes.Count;
        var rest = rig.Cell.Rig.Arm.Angles;
        await rig.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(writesBack, rig.Writes.Count);
        Assert.NotEqual(SafetyMode.Normal, rig.Service.Cell.Status().Mode);

        await using var client = await OperatorClient.ConnectAsync(rig.Service.OperatorAddress, rig.Topics, CancellationToken.None);
        var reset = Assert.Single(await OperatorCell.Answers(client, rig.Topics.Reset, string.Empty));
        Assert.True(reset.ExitCode == ExitCodes.Success, reset.Text + " " + reset.Reason);
        await rig.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(writesBack, rig.Writes.Count);
        Assert.Equal(rest, rig.Cell.Rig.Arm.Angles);

        var again = await OperatorCell.Answers(client, rig.Topics.Command, OperatorCell.StackWords);
        Assert.True(again[^1].ExitCode == ExitCodes.Success, string.Join(" | ", again.Select(reply => reply.Text)));
        Assert.Contains("(on r1 g1)", rig.Service.Cell.Arm.World.Facts());
    }
}
