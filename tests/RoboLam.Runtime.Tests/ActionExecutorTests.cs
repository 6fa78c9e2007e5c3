using Akka.Actor;
using Akka.TestKit;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>One action's executor with a test probe standing in for the arm's device actor, on virtual time.</summary>
public sealed class ActionExecutorTests : VirtualTimeTestKit
{
    private static readonly ExecutionSettings s_settings = new()
    {
        PreconditionTimeout = TimeSpan.FromSeconds(5),
        HeartbeatTimeout = TimeSpan.FromSeconds(2),
        EffectSettleTime = TimeSpan.FromSeconds(1),
        StopTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly TestProbe _arm;
    private readonly TestProbe _plan;
    private readonly IActorRef _world;
    private readonly RecordingGate _gate = new();

    public ActionExecutorTests()
    {
        _arm = CreateTestProbe("arm");
        _plan = CreateTestProbe("plan");
        _world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing), "world-model");
    }

    [Fact]
    public void An_action_runs_the_full_sequence_from_precondition_to_sensed_effects()
    {
        var executor = Start("(pick r1)");

        var command = _arm.ExpectMsg<ExecuteAction>();
        Assert.Equal("p1.1", command.ActionId);
        Assert.Equal("(pick r1)", command.Action.ToString());
        _plan.ExpectMsg<ActionDispatched>(dispatched => Assert.Equal("arm", dispatched.DeviceId));
        executor.Tell(new ActionProgress("p1.1", "arm", 0.5, FeedbackStatus.Progress), _arm);
        executor.Tell(new DeviceHeartbeat("p1.1", "arm", ActuatorState.Busy), _arm);
        _world.Tell(new SensorReadingReceived("arm", Gripper.Holds(true)));
        executor.Tell(new ActionFinished("p1.1", "arm", CommandStatus.Completed), _arm);

        var completed = _plan.ExpectMsg<ActionCompleted>();
        Assert.Equal("p1.1", completed.ActionId);
        Assert.Equal([SafetyPhase.BeforeDispatch, SafetyPhase.WhileRunning], _gate.Reviews.Select(review => review.Phase));
        _world.Tell(new GetWorld("check"));
        var world = ExpectMsg<WorldSnapshot>().World;
        Assert.True(world.Holds(GroundFact.Of("holding", "r1")));
        Assert.False(world.Holds(GroundFact.Of("on-table", "r1")));
        Assert.False(world.Holds(Gripper.HandEmpty));
    }

    [Fact]
    public void An_action_waits_for_its_precondition_and_starts_when_the_world_makes_it_true()
    {
        Start("(pick g1)");
        _arm.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        _world.Tell(new FactsSensed("camera", [new SensedFact(GroundFact.Of("on", "g1", "r2"), false), new SensedFact(GroundFact.Of("on-table", "g1"), true)]));

        Assert.Equal("(pick g1)", _arm.ExpectMsg<ExecuteAction>().Action.ToString());
    }

    [Fact]
    public void A_precondition_that_never_holds_times_out_with_the_fact_that_is_false()
    {
        Start("(pick g1)");
        _arm.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Advance(TimeSpan.FromSeconds(5));

        var failed = _plan.ExpectMsg<ActionFailed>();
        Assert.Equal(FailureKind.PreconditionTimeout, failed.Failure.Kind);
        Assert.Equal("(pick g1): precondition did not hold within 5 s: (on-table g1) does not hold", failed.Failure.Reason);
        _arm.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_safety_refusal_before_dispatch_fails_the_action_and_nothing_reaches_the_device()
    {
        var gate = new RecordingGate(review => review.Phase == SafetyPhase.BeforeDispatch ? "cell door open (interlock door-1)" : null);
        Start("(pick r1)", gate: gate);

        var failed = _plan.ExpectMsg<ActionFailed>();

        Assert.Equal(FailureKind.SafetyRefused, failed.Failure.Kind);
        Assert.Contains("cell door open (interlock door-1)", failed.Failure.Reason, StringComparison.Ordinal);
        Assert.True(failed.Failure.HaltsController);
        _arm.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_refusal_by_the_gate_while_running_stops_the_device()
    {
        var gate = new RecordingGate(review => review.Progress is { Completion: > 0.4 } ? "speed limit in zone A" : null);
        var executor = Start("(pick r1)", gate: gate);
        _arm.ExpectMsg<ExecuteAction>();

        executor.Tell(new ActionProgress("p1.1", "arm", 0.5, FeedbackStatus.Progress), _arm);

        var stop = _arm.ExpectMsg<StopDevice>();
        Assert.Contains("speed limit in zone A", stop.Reason, StringComparison.Ordinal);
        _arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        Assert.Equal(FailureKind.SafetyRefused, _plan.FishForMessage<ActionFailed>(_ => true).Failure.Kind);
    }

    [Fact]
    public void A_sensed_effect_that_differs_fails_the_action_with_what_was_sensed()
    {
        var executor = Start("(pick r1)");
        _arm.ExpectMsg<ExecuteAction>();

        // The block slipped: the object-held input never turns on.
        executor.Tell(new ActionFinished("p1.1", "arm", CommandStatus.Completed), _arm);
        var failed = AdvanceUntil<ActionFailed>(_plan);

        Assert.Equal(FailureKind.EffectsNotSensed, failed.Failure.Kind);
        Assert.Contains("expected (not (hand-empty)), sensed (hand-empty)", failed.Failure.Reason, StringComparison.Ordinal);
        _world.Tell(new GetWorld("check"));
        Assert.False(ExpectMsg<WorldSnapshot>().World.Holds(GroundFact.Of("holding", "r1")));
    }

    [Fact]
    public void A_lost_heartbeat_stops_the_device_and_fails_the_action()
    {
        Start("(pick r1)");
        _arm.ExpectMsg<ExecuteAction>();

        Advance(TimeSpan.FromSeconds(2));

        var stop = _arm.ExpectMsg<StopDevice>();
        _arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        var failed = _plan.FishForMessage<ActionFailed>(_ => true);
        Assert.Equal(FailureKind.HeartbeatLost, failed.Failure.Kind);
        Assert.Equal("(pick r1): no heartbeat from device arm for 2 s", failed.Failure.Reason);
    }

    [Fact]
    public void An_action_that_runs_past_its_deadline_is_stopped_even_while_the_device_answers()
    {
        var executor = Start("(pick r1)", deadline: TimeSpan.FromSeconds(3));
        _arm.ExpectMsg<ExecuteAction>();

        // A heartbeat every half second keeps the 2 s watchdog quiet; the 3 s deadline still ends the action.
        for (var tick = 0; tick < 6; tick++)
        {
            executor.Tell(new DeviceHeartbeat("p1.1", "arm", ActuatorState.Busy), _arm);
            _arm.ExpectNoMsg(TimeSpan.FromMilliseconds(20));
            Clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        var stop = _arm.ExpectMsg<StopDevice>();
        _arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        var failed = _plan.FishForMessage<ActionFailed>(_ => true);
        Assert.Equal(FailureKind.DeadlineOverrun, failed.Failure.Kind);
        Assert.Equal("(pick r1) on device arm ran past its deadline of 3 s", failed.Failure.Reason);
    }

    [Fact]
    public void A_device_that_ends_the_command_with_a_stop_is_a_safety_stop()
    {
        var executor = Start("(pick r1)");
        _arm.ExpectMsg<ExecuteAction>();

        executor.Tell(new ActionFinished("p1.1", "arm", CommandStatus.Stopped, "e-stop pressed"), _arm);

        var failed = _plan.FishForMessage<ActionFailed>(_ => true);
        Assert.Equal(FailureKind.SafetyStop, failed.Failure.Kind);
        Assert.True(failed.Failure.HaltsController);
    }

    [Fact]
    public void Stopping_a_running_action_stops_its_device_before_it_reports()
    {
        var executor = Start("(pick r1)");
        _arm.ExpectMsg<ExecuteAction>();

        executor.Tell(new StopAction("p1.1", "goal cancelled"));

        var stop = _arm.ExpectMsg<StopDevice>();
        _plan.ExpectMsg<ActionDispatched>();
        _plan.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        Assert.Equal(FailureKind.Stopped, _plan.ExpectMsg<ActionFailed>().Failure.Kind);
    }

    private IActorRef Start(string action, TimeSpan? deadline = null, RecordingGate? gate = null)
    {
        var plan = ExecutablePlanFactory.Create(
            "p1",
            GoalCondition.FromLiterals("(hand-empty)"),
            [Domains.Action(action)],
            1,
            Domains.Tabletop,
            Domains.TabletopWorld,
            Domains.ArmOnly(deadline),
            "test",
            TimeSpan.Zero);
        var context = new ExecutorContext(Domains.Tabletop, _world, gate ?? _gate, s_settings);
        return _plan.ChildActorOf(ActionExecutorActor.Props(plan.Steps[0], context, _arm));
    }
}
