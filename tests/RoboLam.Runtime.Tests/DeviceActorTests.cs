using Akka.Actor;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>A real device actor over a scripted actuator; the test is the action's executor.</summary>
public sealed class DeviceActorTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly ScriptedActuator _arm = new("arm");
    private readonly IActorRef _device;

    public DeviceActorTests()
    {
        var setup = new DeviceSetup("arm", _arm, [], new TwoCommandsPerAction());
        _device = Sys.ActorOf(DeviceActor.Props(setup, CreateTestProbe("world").Ref), "device-arm");
    }

    [Fact]
    public async Task An_action_runs_its_commands_in_order_and_relays_progress_and_heartbeats()
    {
        _device.Tell(Execute("a1"));

        var open = await _arm.NextAsync();
        Assert.Equal("a1#0", open.Command.Id.Value);
        _arm.RaiseFeedback(new ActuatorFeedback("arm", open.Command.Id, 0.5, FeedbackStatus.Progress, DateTimeOffset.UtcNow));
        Assert.Equal(0.25, ExpectMsg<ActionProgress>().Completion, 3);
        _arm.RaiseHeartbeat(new Heartbeat("arm", DateTimeOffset.UtcNow, ActuatorState.Busy));
        Assert.Equal("a1", ExpectMsg<DeviceHeartbeat>().ActionId);
        open.Complete();
        var close = await _arm.NextAsync();
        Assert.Equal("a1#1", close.Command.Id.Value);
        close.Complete();

        var finished = ExpectMsg<ActionFinished>();
        Assert.Equal(CommandStatus.Completed, finished.Status);
        Assert.False(finished.WasDuplicate);
    }

    [Fact]
    public async Task A_repeated_action_id_is_answered_with_the_earlier_result_and_nothing_moves_again()
    {
        _device.Tell(Execute("a1"));
        (await _arm.NextAsync()).Complete();
        (await _arm.NextAsync()).Complete();
        Assert.Equal(CommandStatus.Completed, ExpectMsg<ActionFinished>().Status);

        _device.Tell(Execute("a1"));

        var again = ExpectMsg<ActionFinished>();
        Assert.True(again.WasDuplicate);
        Assert.Equal(CommandStatus.Completed, again.Status);
        Assert.Equal(2, _arm.Received.Count);
    }

    [Fact]
    public async Task A_second_action_while_the_device_is_busy_is_refused_without_touching_the_device()
    {
        _device.Tell(Execute("a1"));
        await _arm.NextAsync();

        _device.Tell(Execute("a2"));

        var refused = ExpectMsg<ActionFinished>();
        Assert.Equal(("a2", CommandStatus.Refused), (refused.ActionId, refused.Status));
        Assert.Contains("busy with a1", refused.Reason, StringComparison.Ordinal);
        Assert.Single(_arm.Received);
    }

    [Fact]
    public async Task A_stop_brings_the_device_to_its_safe_state_and_the_running_action_ends_stopped()
    {
        _device.Tell(Execute("a1"));
        await _arm.NextAsync();

        _device.Tell(new StopDevice("s1", StopCategory.Controlled, "operator pressed stop"));

        // The stop's answer and the action's end may come in either order.
        DeviceStopped? stopped = null;
        ActionFinished? finished = null;
        while (stopped is null || finished is null)
        {
            switch (FishForMessage<object>(message => message is DeviceStopped or ActionFinished))
            {
                case DeviceStopped message:
                    stopped = message;
                    break;
                case ActionFinished message:
                    finished = message;
                    break;
            }
        }

        Assert.Equal("s1", stopped.RequestId);
        Assert.Equal("operator pressed stop", Assert.Single(_arm.Stops).Reason);
        Assert.Equal(CommandStatus.Stopped, finished.Status);
        Assert.Single(_arm.Received);
    }

    private static ExecuteAction Execute(string actionId) => new(actionId, Domains.Action("(pick r1)"), Domains.TabletopWorld);

    /// <summary>Open, then close: an action of two steps, each with an id from the action id.</summary>
    private sealed class TwoCommandsPerAction : IActionCommandSource
    {
        public IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world) =>
        [
            new OperateGripper(CommandId.ForStep(actionId, 0), GripperAction.Open),
            new OperateGripper(CommandId.ForStep(actionId, 1), GripperAction.Close),
        ];
    }
}
