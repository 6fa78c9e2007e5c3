using Akka.Actor;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>The controller under the actor system's own guardian, as a host runs it.</summary>
public sealed class ControllerSupervisionTests
{
    [Fact]
    public async Task A_device_fault_nobody_can_judge_restarts_the_whole_controller_from_its_set_up()
    {
        var arm = new ScriptedActuator("arm") { Fault = _ => new InvalidOperationException("firmware answered nonsense") };
        await using var process = new ControllerProcess(ControllerSetups.Tabletop(arm));
        var sensedBefore = GroundFact.Of("in", "y1", "binr");
        process.Send(new FactsSensed("camera", [new SensedFact(sensedBefore, true)]));
        Assert.True((await process.AskAsync<WorldSnapshot>(new GetWorld("before"))).World.Holds(sensedBefore));

        process.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red"));
        await process.NextAsync<GoalAccepted>();

        // The escalation reaches the guardian, which restarts the controller: the world model starts over. A query
        // forwarded to the old world model just as it is stopped is lost with it, so each ask is short and retried.
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        WorldState? world = null;
        do
        {
            await Task.Delay(50);
            try
            {
                world = (await process.AskAsync<WorldSnapshot>(new GetWorld("after"), TimeSpan.FromSeconds(2))).World;
            }
            catch (AskTimeoutException)
            {
                world = null;
            }
        }
        while ((world is null || world.Holds(sensedBefore)) && DateTime.UtcNow < limit);

        Assert.NotNull(world);

        Assert.False(world.Holds(sensedBefore));
        Assert.Equal(0, world.Version);
        Assert.Single(arm.Received);
    }
}
