using RoboLam.Cli.Operator;
using RoboLam.Cli.Simulation;
using RoboLam.Safety.Core;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>The voice loop's target on the live arm (speech itself is tested in RoboLam.Speech.Tests): goals run, a stop latches.</summary>
[Collection(OperatorCollection.Name)]
public sealed class VoiceArmTargetTests
{
    [Fact]
    public async Task A_spoken_goal_runs_on_the_arm_and_a_spoken_stop_latches_the_e_stop_at_once()
    {
        var inputs = ScenarioInputs.Load(RepositoryFiles.Scenario("stack"), out _, out var problem) ?? throw new InvalidOperationException(problem);
        using var cell = LiveArmCell.Start(inputs, TextWriter.Null);
        var output = new StringWriter();
        var target = new VoiceArmTarget(cell, output);

        target.Goal(["(on r1 g1)"], "put the red block on the green block");
        await OperatorCell.Until(() => cell.WaitForGoals(TimeSpan.Zero), "the spoken goal to finish", seconds: 60);
        target.EmergencyStop("stop");

        Assert.Contains("(on r1 g1)", cell.Arm.World.Facts());
        Assert.Contains("exit code 0", output.ToString(), StringComparison.Ordinal);
        var status = cell.Status();
        Assert.Equal(SafetyMode.Stopped, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Description.Contains("voice", StringComparison.Ordinal));
    }
}
