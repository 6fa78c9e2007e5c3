using RoboLam.Planning.Configuration;
using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Search;
using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

public sealed class HeuristicValueTests
{
    [Theory]
    [InlineData("goalcount", 1)]
    [InlineData("hmax", 3)]
    [InlineData("hadd", 4)]
    [InlineData("ff", 4)]
    [InlineData("lmcut", 4)]
    [InlineData("blind", 1)]
    public void Chain_task_has_the_hand_computed_initial_values(string heuristic, int expected)
    {
        Assert.Equal(expected, EvaluateInitialState(HandMadeTasks.Chain(), heuristic));
    }

    [Theory]
    [InlineData("goalcount", 2)]
    [InlineData("hmax", 2)]
    [InlineData("hadd", 4)]
    [InlineData("ff", 3)]
    [InlineData("lmcut", 3)]
    public void Shared_subgoal_is_counted_twice_by_hadd_and_once_by_ff(string heuristic, int expected)
    {
        Assert.Equal(expected, EvaluateInitialState(HandMadeTasks.SharedSubgoal(), heuristic));
    }

    [Theory]
    [InlineData("hmax", 2)]
    [InlineData("hadd", 2)]
    [InlineData("ff", 2)]
    [InlineData("lmcut", 2)]
    [InlineData("ff(cost=one)", 1)]
    [InlineData("hadd(cost=plusone)", 4)]
    public void Action_costs_steer_the_relaxation_to_the_cheap_detour(string heuristic, int expected)
    {
        Assert.Equal(expected, EvaluateInitialState(HandMadeTasks.Detour(), heuristic));
    }

    [Theory]
    [InlineData("hmax", 1)]
    [InlineData("hadd", 2)]
    [InlineData("ff", 2)]
    [InlineData("lmcut", 2)]
    public void Conditional_effects_need_their_condition_and_the_operator_in_the_relaxation(string heuristic, int expected)
    {
        Assert.Equal(expected, EvaluateInitialState(HandMadeTasks.Door(), heuristic));
    }

    [Theory]
    [InlineData("goalcount")]
    [InlineData("hmax")]
    [InlineData("hadd")]
    [InlineData("ff")]
    [InlineData("lmcut")]
    [InlineData("lmcount")]
    public void Goal_states_are_estimated_zero(string heuristic)
    {
        var task = new TaskBuilder().Initially("g").Goal("g").Operator("(noop)", ["g"], ["x"]).Build();
        Assert.Equal(0, EvaluateInitialState(task, heuristic));
    }

    [Theory]
    [InlineData("hmax")]
    [InlineData("hadd")]
    [InlineData("ff")]
    [InlineData("lmcut")]
    [InlineData("lmcount")]
    public void A_relaxed_unreachable_goal_is_a_dead_end(string heuristic)
    {
        Assert.Equal(Heuristic.DeadEnd, EvaluateInitialState(HandMadeTasks.UnreachableGoal(), heuristic));
    }

    [Fact]
    public void Landmark_count_counts_every_landmark_not_yet_reached()
    {
        // Landmarks of the chain: a (true), b, c, d, g; four are still to be reached.
        Assert.Equal(4, EvaluateInitialState(HandMadeTasks.Chain(), "lmcount"));
    }

    [Fact]
    public void FF_prefers_the_applicable_operators_of_its_relaxed_plan()
    {
        var task = HandMadeTasks.Chain();
        var (heuristic, context) = Prepare(task, "ff");
        context.CollectPreferred = true;
        heuristic.Evaluate(context);
        var preferred = Enumerable.Range(0, task.Operators.Count).Where(context.Preferred.Contains).Select(op => task.Operators[op].Name).Order();
        Assert.Equal(["(a-to-b)", "(a-to-d)"], preferred);
    }

    [Fact]
    public void Landmark_count_prefers_operators_that_reach_a_needed_landmark()
    {
        var task = new TaskBuilder()
            .Initially("start")
            .Goal("g")
            .Operator("(detour)", ["start"], ["elsewhere"])
            .Operator("(to-key)", ["start"], ["key"])
            .Operator("(use-key)", ["key"], ["g"])
            .Build();
        var (heuristic, context) = Prepare(task, "lmcount");
        context.CollectPreferred = true;
        Assert.Equal(2, heuristic.Evaluate(context));
        Assert.True(context.Preferred.Contains(1));
        Assert.False(context.Preferred.Contains(0));
    }

    internal static int EvaluateInitialState(GroundTask task, string heuristicName)
    {
        var (heuristic, context) = Prepare(task, heuristicName);
        return heuristic.Evaluate(context);
    }

    internal static (Heuristic Heuristic, EvaluationContext Context) Prepare(GroundTask task, string heuristicName)
    {
        var setup = new SearchSetup(SearchTask.Create(task), new SearchBudget(SearchLimits.Unlimited, CancellationToken.None));
        var heuristic = new HeuristicFactory(setup).Create(ConfigurationParser.Parse(heuristicName));
        var context = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
        setup.Transition.WriteInitialState(context.State);
        heuristic.OnInitialState(0, context.State);
        context.Reset(0);
        return (heuristic, context);
    }
}
