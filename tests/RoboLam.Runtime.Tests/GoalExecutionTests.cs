using Akka.Actor;
using RoboLam.Pddl;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>Goals through the queue, the real planner and the plan executor, with probes as device actors.</summary>
public sealed class GoalExecutionTests : VirtualTimeTestKit
{
    private static readonly ExecutionSettings s_settings = new()
    {
        PreconditionTimeout = TimeSpan.FromSeconds(5),
        HeartbeatTimeout = TimeSpan.FromSeconds(2),
        EffectSettleTime = TimeSpan.FromSeconds(1),
        MaxReplans = 2,
    };

    [Fact]
    public void A_goal_is_planned_executed_action_by_action_and_achieved()
    {
        var harness = Tabletop();
        var subscriber = harness.Submit("g1", "(on g1 r1)");
        var arm = harness.Devices["arm"];

        var unstack = GoalHarness.NextCommand(arm);
        Assert.Equal("(unstack g1 r2)", unstack.Action.ToString());
        Assert.Equal("g1.1.1", unstack.ActionId);
        GoalHarness.Complete(arm, unstack);
        var place = GoalHarness.NextCommand(arm);
        Assert.Equal("(place-on g1 r1)", place.Action.ToString());
        GoalHarness.Complete(arm, place);

        var outcome = GoalHarness.Next<GoalFinished>(subscriber).Outcome;
        Assert.Equal(GoalStatus.Achieved, outcome.Status);
        Assert.Equal(["(unstack g1 r2)", "(place-on g1 r1)"], outcome.CompletedActions);
    }

    [Fact]
    public void A_sensed_effect_that_differs_fails_the_action_and_the_goal_is_planned_again_from_the_sensed_world()
    {
        var harness = Tabletop(Gripper.Sensing);
        var subscriber = harness.Submit("g1", "(holding r1)");
        var arm = harness.Devices["arm"];

        // The first pick closes on nothing: the object-held input stays off.
        var first = GoalHarness.NextCommand(arm);
        GoalHarness.Complete(arm, first);
        var replan = AdvanceUntil<ReplanScheduled>(subscriber);
        Assert.Equal(2, replan.NextAttempt);
        Assert.Contains("expected (not (hand-empty)), sensed (hand-empty)", replan.Reason, StringComparison.Ordinal);

        var second = GoalHarness.NextCommand(arm);
        Assert.Equal("(pick r1)", second.Action.ToString());
        Assert.NotEqual(first.ActionId, second.ActionId);
        harness.World.Tell(new SensorReadingReceived("arm", Gripper.Holds(true)));
        GoalHarness.Complete(arm, second);

        var outcome = GoalHarness.Next<GoalFinished>(subscriber).Outcome;
        Assert.Equal(GoalStatus.Achieved, outcome.Status);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.StartsWith("EffectsNotSensed", outcome.Attempts[0].Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Replanning_stops_after_the_allowed_number_of_attempts_with_a_report_of_each()
    {
        var harness = Tabletop(Gripper.Sensing);
        var subscriber = harness.Submit("g1", "(holding r1)");
        var arm = harness.Devices["arm"];

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            GoalHarness.Complete(arm, GoalHarness.NextCommand(arm));
            if (attempt < 3)
            {
                AdvanceUntil<ReplanScheduled>(subscriber);
            }
        }

        var outcome = AdvanceUntil<GoalFinished>(subscriber).Outcome;
        Assert.Equal(GoalStatus.Failed, outcome.Status);
        Assert.Equal(3, outcome.Attempts.Count);
        Assert.All(outcome.Attempts, attempt => Assert.StartsWith("EffectsNotSensed", attempt.Result, StringComparison.Ordinal));
    }

    [Fact]
    public void Sensing_that_contradicts_a_later_step_stops_the_plan_and_replans()
    {
        var harness = Tabletop();
        var subscriber = harness.Submit("g1", "(on g1 r1)");
        var arm = harness.Devices["arm"];
        GoalHarness.NextCommand(arm);

        // While g1 is lifted, the camera sees r1 covered: the place-on that follows can no longer work.
        harness.World.Tell(new FactsSensed("camera", [new SensedFact(GroundFact.Of("clear", "r1"), false)]));

        var stop = arm.ExpectMsg<StopDevice>();
        arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        var replan = GoalHarness.Next<ReplanScheduled>(subscriber);
        Assert.Contains("camera sensed (clear r1) false", replan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_a_goal_during_execution_stops_its_device_and_ends_it_cancelled()
    {
        var harness = Tabletop();
        var subscriber = harness.Submit("g1", "(on g1 r1)");
        var arm = harness.Devices["arm"];
        GoalHarness.NextCommand(arm);

        harness.Queue.Tell(new CancelGoal("g1", "operator changed their mind"), subscriber);

        Assert.True(subscriber.FishForMessage<CancelAcknowledged>(_ => true).WasActive);
        var stop = arm.ExpectMsg<StopDevice>();
        arm.Reply(new DeviceStopped(stop.RequestId, "arm"));
        var outcome = GoalHarness.Next<GoalFinished>(subscriber).Outcome;
        Assert.Equal(GoalStatus.Cancelled, outcome.Status);
        Assert.Contains("operator changed their mind", outcome.Summary, StringComparison.Ordinal);
        arm.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Two_goals_on_disjoint_devices_run_at_the_same_time()
    {
        var harness = Lamps();
        var first = harness.Submit("g1", "(lit l1)");
        var second = harness.Submit("g2", "(lit l2)");

        // Both commands are out before either device answers.
        var lamp1 = GoalHarness.NextCommand(harness.Devices["lamp-l1"]);
        var lamp2 = GoalHarness.NextCommand(harness.Devices["lamp-l2"]);
        GoalHarness.Complete(harness.Devices["lamp-l2"], lamp2);
        GoalHarness.Complete(harness.Devices["lamp-l1"], lamp1);

        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(first).Outcome.Status);
        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(second).Outcome.Status);
    }

    [Fact]
    public void A_plan_with_independent_steps_on_different_devices_runs_them_concurrently()
    {
        var harness = Lamps();
        var subscriber = harness.Submit("g1", "(lit l1)", "(lit l2)");

        var adopted = GoalHarness.Next<PlanAdopted>(subscriber);
        Assert.Equal(2, adopted.Width);
        var lamp1 = GoalHarness.NextCommand(harness.Devices["lamp-l1"]);
        var lamp2 = GoalHarness.NextCommand(harness.Devices["lamp-l2"]);
        GoalHarness.Complete(harness.Devices["lamp-l1"], lamp1);
        GoalHarness.Complete(harness.Devices["lamp-l2"], lamp2);

        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(subscriber).Outcome.Status);
    }

    [Fact]
    public void Two_goals_on_the_same_device_are_queued_and_the_second_is_planned_again_when_its_turn_comes()
    {
        var harness = Tabletop();
        var first = harness.Submit("g1", "(holding r1)");
        var arm = harness.Devices["arm"];
        var pick = GoalHarness.NextCommand(arm);
        var second = harness.Submit("g2", "(on r1 g1)");

        var queued = GoalHarness.Next<GoalQueued>(second);
        Assert.Equal(["arm"], queued.BusyDevices);
        arm.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        GoalHarness.Complete(arm, pick);
        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(first).Outcome.Status);

        // The world changed while g2 waited (r1 is now held): its plan was made again and skips the pick.
        var next = GoalHarness.NextCommand(arm);
        Assert.Equal("(place-on r1 g1)", next.Action.ToString());
        GoalHarness.Complete(arm, next);
        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(second).Outcome.Status);
    }

    [Fact]
    public void A_goal_cancelled_while_it_waits_for_its_device_ends_cancelled_and_never_moves_it()
    {
        var harness = Tabletop();
        var first = harness.Submit("g1", "(holding r1)");
        var arm = harness.Devices["arm"];
        var pick = GoalHarness.NextCommand(arm);
        var second = harness.Submit("g2", "(on g1 r1)");
        GoalHarness.Next<GoalQueued>(second);

        harness.Queue.Tell(new CancelGoal("g2", "not needed any more"), second);

        Assert.True(second.FishForMessage<CancelAcknowledged>(_ => true).WasActive);
        var outcome = GoalHarness.Next<GoalFinished>(second).Outcome;
        Assert.Equal(GoalStatus.Cancelled, outcome.Status);
        Assert.Contains("not needed any more", outcome.Summary, StringComparison.Ordinal);
        GoalHarness.Complete(arm, pick);
        Assert.Equal(GoalStatus.Achieved, GoalHarness.Next<GoalFinished>(first).Outcome.Status);
        arm.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void After_a_safety_stop_queued_goals_wait_for_an_explicit_resume()
    {
        var harness = Tabletop();
        var first = harness.Submit("g1", "(holding r1)");
        var arm = harness.Devices["arm"];
        var pick = GoalHarness.NextCommand(arm);
        var second = harness.Submit("g2", "(on g1 r1)");
        GoalHarness.Next<GoalQueued>(second);

        pick.Executor.Tell(new ActionFinished(pick.ActionId, "arm", Hardware.Contracts.CommandStatus.Stopped, "e-stop pressed"), arm);

        var outcome = GoalHarness.Next<GoalFinished>(first).Outcome;
        Assert.Equal(GoalStatus.SafetyStopped, outcome.Status);
        Assert.Contains("Nothing resumes by itself", outcome.Summary, StringComparison.Ordinal);
        arm.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        harness.Queue.Tell(new ResumeAfterSafetyStop("r1"), TestActor);
        Assert.Equal(1, ExpectMsg<ResumeAcknowledged>().GoalsReleased);
        Assert.Equal("(unstack g1 r2)", GoalHarness.NextCommand(arm).Action.ToString());
    }

    private GoalHarness Tabletop(IFactSensing? sensing = null) =>
        new(this, Domains.Tabletop, Domains.TabletopProblem, Domains.TabletopWorld, Domains.ArmOnly(), ["arm"], sensing, s_settings);

    /// <summary>Lamps each switched by its own device: the smallest world with independent devices.</summary>
    private GoalHarness Lamps()
    {
        var domain = PddlParser.ParseDomain("""
            (define (domain lamps) (:requirements :strips :typing :negative-preconditions)
              (:types lamp)
              (:predicates (lit ?l - lamp))
              (:action switch-on :parameters (?l - lamp) :precondition (not (lit ?l)) :effect (lit ?l))
              (:action switch-off :parameters (?l - lamp) :precondition (lit ?l) :effect (not (lit ?l))))
            """, "lamps.pddl").Value!;
        var problem = PddlParser.ParseProblem("""
            (define (problem two-lamps) (:domain lamps) (:objects l1 l2 - lamp) (:init) (:goal (lit l1)))
            """, "two-lamps.pddl").Value!;
        var assignments = new DeviceAssignments(
        [
            new DeviceAssignment("switch-on", "lamp-{1}", TimeSpan.FromSeconds(10)),
            new DeviceAssignment("switch-off", "lamp-{1}", TimeSpan.FromSeconds(10)),
        ]);
        return new GoalHarness(this, DomainModel.Create(domain), problem, WorldState.FromProblem(domain, problem), assignments, ["lamp-l1", "lamp-l2"], settings: s_settings);
    }
}
