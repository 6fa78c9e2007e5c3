using Akka.Actor;
using Akka.TestKit;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>
/// Real device actors under their supervisor, over a scripted actuator that throws as a failing driver would:
/// IO faults restart the device actor, a safety violation stops it and fails its action as a safety stop, and
/// anything unknown escalates.
/// </summary>
public sealed class DeviceSupervisionTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly ScriptedActuator _arm = new("arm") { CompleteAtOnce = true };
    private readonly CountingSensor _gripper = new(Gripper.Holds(false));

    [Fact]
    public void An_IO_fault_fails_the_command_and_restarts_the_device_actor_which_then_runs_the_next_action()
    {
        _arm.Fault = command => command.Id.Value.StartsWith("a1#", StringComparison.Ordinal) ? new IOException("the I2C bus did not answer") : null;
        var world = CreateTestProbe("world");
        var device = StartDevice(world.Ref);
        Watch(device);
        world.ExpectMsg<SensorReadingReceived>();

        device.Tell(Execute("a1"));

        var failed = ExpectMsg<ActionFinished>();
        Assert.Equal(CommandStatus.Failed, failed.Status);
        Assert.Equal("IOException: the I2C bus did not answer", failed.Reason);

        // The restarted actor starts again from its set-up: it reads its sensors once more.
        world.ExpectMsg<SensorReadingReceived>();
        Assert.Equal(2, _gripper.Reads);
        device.Tell(Execute("a2"));
        Assert.Equal(CommandStatus.Completed, ExpectMsg<ActionFinished>().Status);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_safety_violation_stops_the_device_actor_and_the_action_fails_as_a_safety_stop_that_halts_the_controller()
    {
        _arm.Fault = _ => new SafetyViolationException("joint 2 would leave its limit");
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, DigitalInputFacts.None), "world-model");
        var device = StartDevice(world);
        Watch(device);
        var plan = CreateTestProbe("plan");

        plan.ChildActorOf(ActionExecutorActor.Props(Step("(pick r1)"), Executors(world), device));

        plan.ExpectMsg<ActionDispatched>();
        var failure = plan.ExpectMsg<ActionFailed>().Failure;
        Assert.Equal(FailureKind.SafetyStop, failure.Kind);
        Assert.True(failure.HaltsController);
        Assert.Contains("SafetyViolationException: joint 2 would leave its limit", failure.Reason, StringComparison.Ordinal);
        ExpectTerminated(device);

        // Nothing more reaches the stopped device: the next action on it fails instead of waiting.
        plan.ChildActorOf(ActionExecutorActor.Props(Step("(pick r1)", "p2"), Executors(world), device));
        Assert.Equal(FailureKind.DeviceFailed, plan.FishForMessage<ActionFailed>(_ => true).Failure.Kind);
        Assert.Single(_arm.Received);
    }

    [Fact]
    public void An_unknown_device_fault_escalates_from_the_device_supervisor_with_the_device_named()
    {
        _arm.Fault = _ => new InvalidOperationException("firmware answered nonsense");
        var escalated = CreateTestProbe("escalated");
        var recorder = escalated.Ref;
        var supervisor = ChildActorOf(
            DeviceSupervisorActor.Props([Setup()], CreateTestProbe("world").Ref),
            new OneForOneStrategy(exception =>
            {
                recorder.Tell(exception);
                return Directive.Stop;
            }));
        var device = Directory(supervisor);

        device.Tell(Execute("a1"));

        Assert.Equal(CommandStatus.Failed, ExpectMsg<ActionFinished>().Status);
        var fault = escalated.ExpectMsg<DeviceFaultException>();
        Assert.Equal("arm", fault.DeviceId);
        Assert.IsType<InvalidOperationException>(fault.InnerException);
    }

    [Fact]
    public void The_controller_escalates_device_faults_and_resumes_its_other_children()
    {
        Assert.Equal(Directive.Escalate, Controller.ControllerActor.Decide(new DeviceFaultException("arm", "x", new InvalidOperationException())));
        Assert.Equal(Directive.Escalate, Controller.ControllerActor.Decide(new ActorInitializationException("cannot start")));
        Assert.Equal(Directive.Resume, Controller.ControllerActor.Decide(new InvalidOperationException("a bug in one message")));
        Assert.Equal(Directive.Restart, DeviceSupervisorActor.Decide(new DeviceFaultException("arm", "x", new TimeoutException())));
        Assert.Equal(Directive.Stop, DeviceSupervisorActor.Decide(new DeviceFaultException("arm", "x", new SafetyViolationException())));
        Assert.Equal(Directive.Escalate, DeviceSupervisorActor.Decide(new NullReferenceException()));
    }

    [Fact]
    public void A_device_actor_that_ends_during_an_action_stops_its_device()
    {
        var slowArm = new ScriptedActuator("arm");
        var device = Directory(Sys.ActorOf(DeviceSupervisorActor.Props([Setup(slowArm)], CreateTestProbe("world").Ref)));
        device.Tell(Execute("a1"));
        AwaitCondition(() => !slowArm.Received.IsEmpty, TimeSpan.FromSeconds(30));

        Watch(device);
        Sys.Stop(device);
        ExpectTerminated(device);

        var stop = Assert.Single(slowArm.Stops);
        Assert.Contains("ended during a1", stop.Reason, StringComparison.Ordinal);
    }

    private DeviceSetup Setup(IActuator? actuator = null) => new("arm", actuator ?? _arm, [_gripper], new OneCommandPerAction());

    private IActorRef StartDevice(IActorRef world) => Directory(Sys.ActorOf(DeviceSupervisorActor.Props([Setup()], world)));

    private IActorRef Directory(IActorRef supervisor)
    {
        supervisor.Tell(new GetDeviceDirectory("test"));
        return ExpectMsg<DeviceDirectory>().Devices["arm"];
    }

    private static ExecuteAction Execute(string actionId) => new(actionId, Domains.Action("(pick r1)"), Domains.TabletopWorld);

    private static PlanStep Step(string action, string planId = "p1") =>
        ExecutablePlanFactory.Create(
            planId,
            GoalCondition.FromLiterals("(holding r1)"),
            [Domains.Action(action)],
            1,
            Domains.Tabletop,
            Domains.TabletopWorld,
            Domains.ArmOnly(),
            "test",
            TimeSpan.Zero).Steps[0];

    private ExecutorContext Executors(IActorRef world) => new(Domains.Tabletop, world, new RecordingGate(), ControllerSetups.PatientExecution);
}
