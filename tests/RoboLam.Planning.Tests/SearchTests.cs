using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Generators;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

public sealed class SearchTests
{
    private static readonly SearchLimits s_limits = new(TimeSpan.FromMinutes(2));

    public static TheoryData<string> AllConfigurations => new()
    {
        "lama",
        "lazy-gbfs(ff)",
        "lazy-gbfs(ff, lmcount)",
        "lazy-gbfs(hadd, preferred=false)",
        "eager-gbfs(ff)",
        "eager-gbfs(goalcount)",
        "eager-gbfs(ff, lmcount, boost=0)",
        "astar(lmcut)",
        "astar(hmax)",
        "astar(blind)",
        "wastar(ff, w=3)",
        "lazy-wastar(ff, lmcount, w=2)",
        "bfs()",
    };

    public static TheoryData<string> OptimalConfigurations => new() { "astar(lmcut)", "astar(hmax)", "astar(blind)" };

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void Every_configuration_finds_a_valid_plan_on_generated_tasks(string configuration)
    {
        foreach (var task in new[] { GripperGenerator.Create(4), BlocksGenerator.Create(5, seed: 3), LogisticsGenerator.Create(2, 1, 2, seed: 5) })
        {
            var result = Solve(task, configuration);
            Assert.Equal(SearchOutcome.Solved, result.Outcome);
            PlanChecker.AssertValid(task, result.Plan);
            Assert.Equal(PlanChecker.Check(task, result.Plan!).Cost, result.Cost);
        }
    }

    [Fact]
    public void Astar_with_lmcut_finds_the_known_optimum_of_gripper()
    {
        Assert.Equal(11, Solve(GripperGenerator.Create(4), "astar(lmcut)").Cost);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Astar_with_lmcut_matches_breadth_first_plan_length_on_unit_cost_blocks(int seed)
    {
        var task = BlocksGenerator.Create(6, seed);
        var breadthFirst = Solve(task, "bfs()");
        var lmcut = Solve(task, "astar(lmcut)");
        Assert.Equal(breadthFirst.Cost, lmcut.Cost);
        PlanChecker.AssertValid(task, lmcut.Plan);
    }

    [Theory]
    [MemberData(nameof(OptimalConfigurations))]
    public void Optimal_searches_agree_on_logistics_with_action_costs(string configuration)
    {
        var task = LogisticsGenerator.Create(2, 1, 3, seed: 11, withCosts: true);
        var reference = Solve(task, "astar(blind)");
        var result = Solve(task, configuration);
        Assert.Equal(reference.Cost, result.Cost);
        PlanChecker.AssertValid(task, result.Plan);
    }

    [Fact]
    public void Lmcut_guides_astar_to_expand_fewer_states_than_blind_search()
    {
        var task = LogisticsGenerator.Create(2, 1, 3, seed: 11, withCosts: true);
        Assert.True(Solve(task, "astar(lmcut)").Statistics.Expanded < Solve(task, "astar(blind)").Statistics.Expanded);
    }

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void A_relaxed_solvable_but_unsolvable_task_is_proved_unsolvable(string configuration)
    {
        var result = Solve(HandMadeTasks.ForkedDeadEnd(), configuration);
        Assert.Equal(SearchOutcome.Unsolvable, result.Outcome);
        Assert.Null(result.Plan);
    }

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void A_goal_nothing_achieves_is_proved_unsolvable(string configuration)
    {
        Assert.Equal(SearchOutcome.Unsolvable, Solve(HandMadeTasks.UnreachableGoal(), configuration).Outcome);
    }

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void A_task_whose_goal_holds_initially_has_the_empty_plan(string configuration)
    {
        var task = new TaskBuilder().Initially("g").Goal("g").Operator("(leave)", ["g"], ["x"], ["g"]).Build();
        var result = Solve(task, configuration);
        Assert.Equal(SearchOutcome.Solved, result.Outcome);
        Assert.Empty(result.Plan!);
    }

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void Conditional_effects_fire_only_when_their_condition_held(string configuration)
    {
        var task = HandMadeTasks.Door();
        var result = Solve(task, configuration);
        Assert.Equal(["(unlock)", "(push)"], result.Plan!.Select(op => task.Operators[op].Name));
    }

    [Theory]
    [MemberData(nameof(AllConfigurations))]
    public void Axioms_with_negation_as_failure_gate_operators(string configuration)
    {
        // blocked holds while p and q both hold; free is its negation; finishing needs free.
        var task = new TaskBuilder()
            .Initially("p", "q")
            .Goal("done")
            .Axiom("blocked", ["p", "q"])
            .Axiom("free", [], ["blocked"], layer: 1)
            .Operator("(finish)", ["free"], ["done"])
            .Operator("(drop-p)", ["p"], [], ["p"])
            .Operator("(make-p)", [], ["p"])
            .Build();
        var result = Solve(task, configuration);
        Assert.Equal(["(drop-p)", "(finish)"], result.Plan!.Select(op => task.Operators[op].Name));
    }

    [Fact]
    public void Derived_goals_are_reached_through_their_axioms()
    {
        var builder = new TaskBuilder().Initially("(at a)").Goal("(reached d)");
        foreach (var (from, to) in new[] { ("a", "b"), ("b", "c"), ("c", "d") })
        {
            builder.Operator($"(go {from} {to})", [$"(at {from})"], [$"(at {to})", $"(visited {to})"], [$"(at {from})"]);
        }

        builder.Axiom("(reached d)", ["(visited d)"]);
        var task = builder.Build();
        foreach (var configuration in new[] { "lama", "astar(lmcut)", "bfs()" })
        {
            Assert.Equal(3, Solve(task, configuration).Cost);
        }
    }

    [Fact]
    public void Anytime_reports_strictly_improving_plans_and_ends_with_an_optimal_one_on_a_small_task()
    {
        // Proving optimality exhausts the space below the best cost, so the task stays small.
        var task = LogisticsGenerator.Create(2, 1, 3, seed: 11, withCosts: true);
        var reported = new List<int>();
        var result = Planner.Solve(task, "anytime", s_limits, onImprovedPlan: plan =>
        {
            PlanChecker.AssertValid(task, plan.Plan);
            reported.Add(plan.Cost);
        });
        Assert.Equal(SearchOutcome.Solved, result.Outcome);
        Assert.NotEmpty(reported);
        Assert.Equal(reported.OrderDescending().Distinct(), reported);
        Assert.Equal(reported[^1], result.Cost);
        Assert.Equal(Solve(task, "astar(lmcut)").Cost, result.Cost);
    }

    [Fact]
    public void A_cancelled_token_stops_the_search_before_it_starts()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var result = Planner.Solve(GripperGenerator.Create(30), "astar(blind)", s_limits, cancellation.Token);
        Assert.Equal(SearchOutcome.Cancelled, result.Outcome);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Cancelling_a_running_search_ends_it_as_cancelled()
    {
        // The task never ends by itself, so only the cancellation can stop it.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = Planner.Solve(EndlessTask(), "bfs()", SearchLimits.Unlimited, cancellation.Token);
        Assert.Equal(SearchOutcome.Cancelled, result.Outcome);
    }

    [Fact]
    public void A_search_that_runs_out_of_time_says_so()
    {
        var result = Planner.Solve(EndlessTask(), "lazy-gbfs(ff)", new SearchLimits(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(SearchOutcome.TimeLimit, result.Outcome);
    }

    [Fact]
    public void A_search_over_its_memory_limit_says_so()
    {
        var result = Planner.Solve(EndlessTask(), "bfs()", new SearchLimits(TimeSpan.FromMinutes(1), MemoryLimitBytes: 1));
        Assert.Equal(SearchOutcome.MemoryLimit, result.Outcome);
    }

    [Fact]
    public void Statistics_count_the_work_done()
    {
        var result = Solve(GripperGenerator.Create(4), "eager-gbfs(ff)");
        Assert.True(result.Statistics.Expanded > 0);
        Assert.True(result.Statistics.Generated >= result.Statistics.Expanded);
        Assert.True(result.Statistics.Evaluated > 0);
        Assert.True(result.Statistics.InitialEstimate > 0);
        Assert.True(result.Statistics.PeakMemoryBytes > 0);
    }

    /// <summary>A 40-bit counter that can only count up, with a goal it never reaches: search runs until stopped.</summary>
    internal static GroundTask EndlessTask()
    {
        var builder = new TaskBuilder().Goal("(impossible)");
        for (var bit = 0; bit < 40; bit++)
        {
            builder.Operator($"(set {bit})", [$"(off {bit})"], [$"(on {bit})"], [$"(off {bit})"]);
            builder.Initially($"(off {bit})");
        }

        builder.Operator("(finish)", ["(on 0)", "(off 0)"], ["(impossible)"]);
        return builder.Build();
    }

    private static SearchResult Solve(GroundTask task, string configuration) => Planner.Solve(task, configuration, s_limits);
}
