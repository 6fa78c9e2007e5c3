using System.Globalization;
using Akka.Actor;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

public sealed class PlannerActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly PlannerSettings s_fastFirst = new(["lama", "astar(lmcut)"], TimeSpan.FromSeconds(20), TimeSpan.Zero);

    [Fact]
    public void A_goal_is_planned_from_the_live_world_into_validated_steps_on_their_devices()
    {
        var planner = StartPlanner(Domains.TabletopWorld, s_fastFirst);

        planner.Tell(new PlanGoal("g1.1", GoalCondition.FromLiterals("(on g1 r1)", "(in y1 binl)")));

        var plan = ExpectMsg<PlanReady>(TimeSpan.FromSeconds(20)).Plan;
        Assert.Equal("g1.1", plan.PlanId);
        Assert.All(plan.Steps, step => Assert.Equal("arm", step.DeviceId));
        Assert.Equal("g1.1.1", plan.Steps[0].ActionId);
        Assert.Equal(1, plan.Width());
        Assert.Equal(plan.Steps.Length, plan.Cost);
    }

    [Fact]
    public void The_planner_starts_from_what_was_sensed_not_from_the_start_up_problem()
    {
        var world = Domains.TabletopWorld.Apply(
        [
            new SensedFact(GroundFact.Of("on", "g1", "r2"), false),
            new SensedFact(GroundFact.Of("on", "g1", "r1"), true),
            new SensedFact(GroundFact.Of("clear", "r1"), false),
            new SensedFact(GroundFact.Of("clear", "r2"), true),
        ]);
        var planner = StartPlanner(world, s_fastFirst);

        planner.Tell(new PlanGoal("g1.1", GoalCondition.FromLiterals("(on g1 r1)")));

        Assert.True(ExpectMsg<PlanReady>(TimeSpan.FromSeconds(20)).Plan.IsEmpty);
    }

    [Fact]
    public void No_plan_comes_back_with_the_goal_fact_that_cannot_be_reached()
    {
        // A block in a bin is out of play: nothing takes it out again.
        var world = Domains.TabletopWorld.Apply(
        [
            new SensedFact(GroundFact.Of("in", "r1", "binl"), true),
            new SensedFact(GroundFact.Of("on-table", "r1"), false),
            new SensedFact(GroundFact.Of("clear", "r1"), false),
        ]);
        var planner = StartPlanner(world, s_fastFirst);

        planner.Tell(new PlanGoal("g1.1", GoalCondition.FromLiterals("(on-table r1)")));

        var none = ExpectMsg<NoPlanFound>(TimeSpan.FromSeconds(20));
        Assert.Equal(PlanningOutcome.Unsolvable, none.Outcome);
        Assert.Contains(none.Reasons, reason => reason.Contains("(on-table r1)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cheapest_plan_found_within_the_improvement_window_is_the_one_returned()
    {
        // Breadth-first search finds the fewest steps (robot transfers, dear); A* with LM-cut the cheapest plan.
        var goal = GoalCondition.FromLiterals("(painted p2 blue)", "(inspected p2)", "(at p2 output)", "(drilled p3)");
        var fewestSteps = PlanWith(new PlannerSettings(["bfs()"], TimeSpan.FromSeconds(20), TimeSpan.Zero), goal);
        var cheapest = PlanWith(new PlannerSettings(["astar(lmcut)"], TimeSpan.FromSeconds(20), TimeSpan.Zero), goal);
        Assert.True(fewestSteps.Cost > cheapest.Cost, $"bfs found cost {fewestSteps.Cost}, A* {cheapest.Cost}");

        var portfolio = PlanWith(new PlannerSettings(["bfs()", "astar(lmcut)"], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), goal);

        Assert.Equal(cheapest.Cost, portfolio.Cost);
        Assert.Equal("astar(lmcut)", portfolio.Configuration);
    }

    [Fact]
    public void Cancelling_stops_every_search_of_the_portfolio_before_the_grace_runs_out()
    {
        // A twelve-block tower to reverse: blind searches would run for minutes. The grace is wide so that a slow or
        // loaded machine cannot fail the test; a search that ignored the cancel would still run past it ("had not
        // returned"). How fast searches stop is a figure for a benchmark, not for a test.
        var (problem, world) = TowerReversal(12);
        var settings = new PlannerSettings(["astar(blind)", "bfs()"], TimeSpan.FromMinutes(5), TimeSpan.Zero)
        {
            CancelGrace = TimeSpan.FromSeconds(4),
        };
        var planner = StartPlanner(world, settings, problem);
        planner.Tell(new PlanGoal("tower", GoalCondition.FromLiterals("(on b1 b2)", "(on b2 b3)")));
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        planner.Tell(new CancelPlanning("tower"));

        var none = ExpectMsg<NoPlanFound>(TimeSpan.FromSeconds(10));
        Assert.Equal(PlanningOutcome.Cancelled, none.Outcome);
        Assert.Contains("every search stopped", none.Reasons.Single(), StringComparison.Ordinal);
    }

    private Execution.ExecutablePlan PlanWith(PlannerSettings settings, GoalCondition goal)
    {
        StartPlanner(Domains.FactoryWorld, settings, Domains.FactoryProblem, Domains.Factory).Tell(new PlanGoal("factory", goal));
        return ExpectMsg<PlanReady>(TimeSpan.FromSeconds(20)).Plan;
    }

    private IActorRef StartPlanner(WorldState world, PlannerSettings settings, Problem? template = null, DomainModel? domain = null)
    {
        domain ??= Domains.Tabletop;
        var worldModel = Sys.ActorOf(WorldModelActor.Props(world, DigitalInputFacts.None));
        var assignments = Devices.DeviceAssignments.AllTo("arm", TimeSpan.FromSeconds(10), domain.ActionNames);
        var problems = new ProblemBuilder(domain.Domain, template ?? Domains.TabletopProblem);
        return Sys.ActorOf(PlannerActor.Props(domain, problems, settings, assignments, worldModel));
    }

    private static (Problem Problem, WorldState World) TowerReversal(int height)
    {
        var blocks = Enumerable.Range(1, height).Select(index => "b" + index.ToString(CultureInfo.InvariantCulture)).ToArray();
        var init = new List<string> { "(on-table b1)", $"(clear b{height})", "(hand-empty)" };
        for (var index = 1; index < height; index++)
        {
            init.Add($"(on {blocks[index]} {blocks[index - 1]})");
        }

        var problem = Domains.ParseProblem($"""
            (define (problem tower) (:domain tabletop)
              (:objects {string.Join(' ', blocks)} - block binl - bin)
              (:init {string.Join(' ', init)})
              (:goal (on-table b{height})))
            """);
        return (problem, WorldState.FromProblem(Domains.TabletopDomain, problem));
    }
}
