using RoboLam.Cli.Operator;
using RoboLam.Hardware.Mqtt;
using RoboLam.Line.Tests.Support;
using RoboLam.Safety.Core;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>The operator's topics through a real Mosquitto with passwords and the ACL that <see cref="TopicPermissions"/> writes.</summary>
[Collection(OperatorCollection.Name)]
public sealed class OperatorOverMosquittoTests
{
    [Fact]
    public async Task Through_Mosquitto_and_its_ACL_the_operator_gets_answers_and_its_e_stop_latches_until_the_reset()
    {
        var users = new Dictionary<string, string> { ["controller"] = "controller-secret", ["operator"] = "operator-secret" };
        var permissions = new TopicPermissions("controller") { OperatorUser = "operator" };
        await using var mosquitto = await MosquittoBroker.StartAsync(users, permissions);
        await using var rig = await OperatorCell.StartAsync(
            new OperatorServiceOptions { External = mosquitto.PlainAddress with { Username = "controller", Password = "controller-secret" } },
            mosquitto.PlainAddress with { Username = "operator", Password = "operator-secret" });

        var question = Assert.Single(await OperatorCell.Answers(rig.Client, rig.Topics.Command, "put the block on the blue block"));
        var stopped = Assert.Single(await OperatorCell.Answers(rig.Stopper, rig.Topics.EmergencyStop, "test"));
        var mode = rig.Service.Cell.Status().Mode;
        var reset = Assert.Single(await OperatorCell.Answers(rig.Stopper, rig.Topics.Reset, string.Empty));

        Assert.Equal(OperatorReplyKind.Question, question.Kind);
        Assert.Equal(OperatorReplyKind.EmergencyStop, stopped.Kind);
        Assert.Equal(SafetyMode.Stopped, mode);
        Assert.Equal(ExitCodes.Success, reset.ExitCode);
        Assert.Equal(SafetyMode.Normal, rig.Service.Cell.Status().Mode);
        Assert.Empty(rig.Writes);
    }
}
