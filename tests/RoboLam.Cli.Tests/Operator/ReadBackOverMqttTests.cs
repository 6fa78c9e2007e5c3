using RoboLam.Cli.Operator;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>
/// A low-confidence reading over MQTT is read back, and only a "yes" as the operator's very next command runs it: a
/// no, another command, or a table that changed meanwhile drop it, and nothing moves for them. The cell confirms
/// every reading here (<c>--confirm-below 1</c>) so that each command is a read-back.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class ReadBackOverMqttTests
{
    private const string RedInBin = "put the red block in the left bin";

    [Fact]
    public async Task A_read_back_runs_only_on_the_next_yes_and_a_no_another_command_or_a_changed_table_drop_it()
    {
        await using var rig = await OperatorCell.StartAsync(new OperatorServiceOptions { Port = 0, ConfirmBelow = 1f });

        // A read-back moves nothing; "no" drops it, and a "yes" after that has nothing to confirm.
        var readBack = Assert.Single(await Ask(rig, RedInBin));
        Assert.Equal(OperatorReplyKind.Confirm, readBack.Kind);
        Assert.Equal(ExitCodes.ClarificationNeeded, readBack.ExitCode);
        Assert.Equal(["(in r1 binl)"], readBack.Goal!.Select(fact => fact.ToLowerInvariant()));
        var no = Assert.Single(await Ask(rig, "No."));
        Assert.Equal(OperatorReplyKind.Refused, no.Kind);
        var nothing = Assert.Single(await Ask(rig, "yes"));
        Assert.Equal("nothing to confirm", nothing.Reason);
        await rig.RunFor(TimeSpan.FromSeconds(2));
        Assert.Empty(rig.Writes);

        // Another command replaces the read-back: the yes runs the last one proposed, not the first.
        Assert.Equal(OperatorReplyKind.Confirm, Assert.Single(await Ask(rig, RedInBin)).Kind);
        Assert.Equal(OperatorReplyKind.Confirm, Assert.Single(await Ask(rig, "put the green block on the blue block")).Kind);
        var ran = await Ask(rig, "Yes, please.");
        Assert.Equal(OperatorReplyKind.Accepted, ran[0].Kind);
        Assert.Equal(["(on g1 b1)"], ran[0].Goal);
        Assert.Equal("Achieved", ran[^1].Event);
        var table = rig.Service.Cell.Arm.World.Facts();
        Assert.Contains("(on g1 b1)", table);
        Assert.DoesNotContain(table, fact => fact.StartsWith("(in r1", StringComparison.Ordinal));

        // A read-back whose table changed before the yes is stale: refused, and nothing more moves.
        Assert.Equal(OperatorReplyKind.Confirm, Assert.Single(await Ask(rig, RedInBin)).Kind);
        var moved = new TaskCompletionSource<OperatorReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Service.Cell.Goal(["(on-table g1)"], "voice: put the green block on the table", reply =>
        {
            if (reply.Final)
            {
                moved.TrySetResult(reply);
            }
        });
        Assert.Equal("Achieved", (await moved.Task.WaitAsync(TimeSpan.FromSeconds(60))).Event);
        var writesBefore = rig.Writes.Count;
        var stale = Assert.Single(await Ask(rig, "yes"));
        Assert.Equal(OperatorReplyKind.Refused, stale.Kind);
        Assert.Equal("the table changed since the read-back", stale.Reason);
        await rig.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(writesBefore, rig.Writes.Count);
        Assert.DoesNotContain(rig.Service.Cell.Arm.World.Facts(), fact => fact.StartsWith("(in r1", StringComparison.Ordinal));
    }

    private static Task<List<OperatorReply>> Ask(OperatorCell rig, string words) => OperatorCell.Answers(rig.Client, rig.Topics.Command, words);
}
