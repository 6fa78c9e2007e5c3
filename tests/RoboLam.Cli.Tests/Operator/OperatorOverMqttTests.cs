using RoboLam.Cli.Operator;
using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>
/// <c>robolam serve</c>'s cell through a real MQTT broker on loopback (the embedded MQTTnet one) and real operator
/// clients: words become goals the real controller carries out on the simulated arm, questions move nothing, an
/// e-stop latches Safety's latch mid-motion and nothing moves again until a reset and a new command.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class OperatorOverMqttTests
{
    [Fact]
    public async Task Words_published_over_MQTT_stack_the_blocks_and_the_cell_takes_the_next_command()
    {
        await using var rig = await OperatorCell.StartAsync();

        var replies = await OperatorCell.Answers(rig.Client, rig.Topics.Command, OperatorCell.StackWords);

        var accepted = replies[0];
        Assert.Equal(OperatorReplyKind.Accepted, accepted.Kind);
        Assert.Equal(["(on g1 b1)", "(on r1 g1)"], accepted.Goal);
        Assert.Contains(replies, reply => reply.Kind == OperatorReplyKind.Progress && reply.Event == "action-completed");
        var finished = replies[^1];
        Assert.Equal(OperatorReplyKind.Finished, finished.Kind);
        Assert.Equal("Achieved", finished.Event);
        Assert.Equal(ExitCodes.Success, finished.ExitCode);
        var table = rig.Service.Cell.Arm.World.Facts();
        Assert.Contains("(on r1 g1)", table);
        Assert.Contains("(on g1 b1)", table);
        Assert.Contains("(on-table b1)", table);

        // The same live cell, grounded on the tower it has just built.
        var next = await OperatorCell.Answers(rig.Client, rig.Topics.Command, "put the red block on the table");

        Assert.Equal(["(on-table r1)"], next[0].Goal);
        Assert.Equal(ExitCodes.Success, next[^1].ExitCode);
        Assert.Contains("(on-table r1)", rig.Service.Cell.Arm.World.Facts());
    }

    [Fact]
    public async Task An_ambiguous_command_gets_a_question_naming_the_candidates_and_nothing_moves()
    {
        await using var rig = await OperatorCell.StartAsync();

        var replies = await OperatorCell.Answers(rig.Client, rig.Topics.Command, "put the block on the blue block");

        var question = Assert.Single(replies);
        Assert.Equal(OperatorReplyKind.Question, question.Kind);
        Assert.True(question.Final);
        Assert.Equal(ExitCodes.ClarificationNeeded, question.ExitCode);
        Assert.Contains(question.Candidates!, candidates => candidates.Contains("r1") && candidates.Contains("g1"));
        await rig.RunFor(TimeSpan.FromSeconds(2));
        Assert.Empty(rig.Writes);
        Assert.DoesNotContain(rig.Cell.Trace.Events, item => item.Kind == "command");
    }

    [Fact]
    public async Task An_e_stop_over_MQTT_stops_the_arm_mid_motion_and_nothing_moves_again_until_a_reset_and_a_new_command()
    {
        await using var rig = await OperatorCell.StartAsync();
        var robot = rig.Service.Cell.Arm.Inputs.Robot;
        var command = await rig.StartAndHoldMidMotion(OperatorCell.StackWords);
        var pressed = rig.Cell.Rig.Clock.Elapsed;
        var wasBusy = rig.Cell.Hardware.Arm.State == ActuatorState.Busy;
        var stopped = Assert.Single(await OperatorCell.Answers(rig.Stopper, rig.Topics.EmergencyStop, "test: operator's wireless e-stop"));
        rig.Service.Cell.Arm.HoldClock = false;

        Assert.True(wasBusy, "the arm was running a command when the e-stop was published");
        Assert.Equal(OperatorReplyKind.EmergencyStop, stopped.Kind);
        Assert.Contains(rig.Stops, stop => stop.Rule == SafetyRules.EmergencyStop);
        var outcome = (await command)[^1];
        Assert.Equal(ExitCodes.EmergencyStop, outcome.ExitCode);
        // The command the arm was running ended as stopped: the moment its motion was cut.
        // (or, when the e-stop fell between two commands of the action, the next one was refused by the gate).
        var cut = rig.Cell.Trace.Events.First(item => item.Kind == "outcome" && item.At >= pressed && !Equals(item.Data["status"], "Completed"));
        Assert.Contains(cut.Data["status"], new object?[] { "Stopped", "Refused" });
        await rig.RunFor(TimeSpan.FromSeconds(2));
        // After the cut only the controlled stop's deceleration ramp writes (one step per sample period), then nothing.
        var rampSteps = (int)Math.Ceiling(robot.Stop.DecelerationTime.ToTimeSpan() / robot.Motion.SamplePeriod.ToTimeSpan());
        Assert.InRange(rig.Writes.Where(at => at > pressed).Distinct().Count(), 0, rampSteps + 1);
        var rest = rig.Cell.Rig.Arm.Angles;

        // Words cannot reset it; the explicit reset can, and even then nothing moves by itself.
        var typed = Assert.Single(await OperatorCell.Answers(rig.Client, rig.Topics.Command, "reset the e-stop"));
        Assert.Equal(OperatorReplyKind.Refused, typed.Kind);
        Assert.Equal(SafetyMode.Stopped, rig.Service.Cell.Status().Mode);
        var reset = Assert.Single(await OperatorCell.Answers(rig.Stopper, rig.Topics.Reset, string.Empty));
        Assert.Equal(OperatorReplyKind.Reset, reset.Kind);
        Assert.Equal(ExitCodes.Success, reset.ExitCode);
        var writesAtReset = rig.Writes.Count;
        await rig.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(writesAtReset, rig.Writes.Count);
        Assert.Equal(rest, rig.Cell.Rig.Arm.Angles);

        var again = await OperatorCell.Answers(rig.Client, rig.Topics.Command, OperatorCell.StackWords);

        Assert.True(again[^1].ExitCode == ExitCodes.Success, string.Join(" | ", again.Select(reply => reply.Text)));
        Assert.Contains("(on r1 g1)", rig.Service.Cell.Arm.World.Facts());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatorCollection
{
    public const string Name = "operator cells on real time";
}
