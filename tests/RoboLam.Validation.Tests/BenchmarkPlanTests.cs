using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Tests;

/// <summary>Hand-written plans for IPC problems, parsed from the real files, and mutations of them.</summary>
public class BenchmarkPlanTests
{
    [Theory]
    [InlineData("blocks", "probBLOCKS-4-0.pddl", "blocks-4-0.plan", 6)]
    [InlineData("gripper", "prob01.pddl", "gripper-01.plan", 11)]
    [InlineData("miconic-fulladl", "f2-0.pddl", "miconic-fulladl-f2-0.plan", 6)]
    [InlineData("elevators-sat08-strips", "p01.pddl", "elevators-01.plan", 73)]
    public void A_hand_written_plan_is_valid_with_its_cost(string folder, string problem, string plan, double cost)
    {
        var result = Validate(folder, problem, TestFiles.LoadPlan(plan));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(cost, result.Cost);
    }

    [Fact]
    public void Blocks_steps_out_of_order_fail_on_the_missing_precondition()
    {
        var plan = Swap(TestFiles.LoadPlan("blocks-4-0.plan"), 2, 3);

        var result = Validate("blocks", "probBLOCKS-4-0.pddl", plan);

        Assert.Equal("step 2 (pick-up c): precondition (handempty) is false", result.Message);
    }

    [Fact]
    public void Blocks_plan_cut_short_fails_on_the_goal()
    {
        var plan = TestFiles.LoadPlan("blocks-4-0.plan").Take(4).ToArray();

        Assert.Equal("goal (on d c) is false after the last step", Validate("blocks", "probBLOCKS-4-0.pddl", plan).Message);
    }

    [Fact]
    public void Gripper_step_naming_a_missing_ball_is_unresolved()
    {
        var plan = Replace(TestFiles.LoadPlan("gripper-01.plan"), 7, PlanStep.Of("pick", "ball9", "rooma", "left"));

        var result = Validate("gripper", "prob01.pddl", plan);

        Assert.Equal(ValidationVerdict.UnresolvedStep, result.Verdict);
        Assert.Equal("step 7 (pick ball9 rooma left): unknown object ball9", result.Message);
    }

    [Fact]
    public void Gripper_drop_in_the_wrong_room_is_caught()
    {
        var plan = Swap(TestFiles.LoadPlan("gripper-01.plan"), 3, 4);

        Assert.Equal(
            "step 3 (drop ball1 roomb left): precondition (at-robby roomb) is false",
            Validate("gripper", "prob01.pddl", plan).Message);
    }

    [Fact]
    public void Miconic_skipping_a_stop_leaves_a_passenger_unserved()
    {
        var plan = TestFiles.LoadPlan("miconic-fulladl-f2-0.plan").Where((_, index) => index != 1).ToArray();

        Assert.Equal(
            "goal (forall (?p - passenger) (served ?p)) is false for ?p = p1 after the last step",
            Validate("miconic-fulladl", "f2-0.pddl", plan).Message);
    }

    [Fact]
    public void Miconic_simple_adl_accepts_the_same_trip()
    {
        var result = Validate("miconic-simpleadl", "s2-0.pddl", TestFiles.LoadPlan("miconic-fulladl-f2-0.plan"));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Elevators_boarding_with_a_wrong_count_is_rejected()
    {
        var plan = Replace(TestFiles.LoadPlan("elevators-01.plan"), 2, PlanStep.Of("board", "p0", "slow0-0", "n3", "n1", "n2"));

        Assert.Equal(
            "step 2 (board p0 slow0-0 n3 n1 n2): precondition (passengers slow0-0 n1) is false",
            Validate("elevators-sat08-strips", "p01.pddl", plan).Message);
    }

    [Fact]
    public void Elevators_slow_lift_given_to_a_fast_move_has_the_wrong_type()
    {
        var plan = Replace(TestFiles.LoadPlan("elevators-01.plan"), 1, PlanStep.Of("move-down-fast", "slow0-0", "n4", "n3"));

        var result = Validate("elevators-sat08-strips", "p01.pddl", plan);

        Assert.Equal(ValidationVerdict.InvalidPlan, result.Verdict);
        Assert.Equal(
            "step 1 (move-down-fast slow0-0 n4 n3): slow0-0 is of type slow-elevator, but parameter ?lift of move-down-fast needs fast-elevator",
            result.Message);
    }

    private static ValidationResult Validate(string folder, string problem, IReadOnlyList<PlanStep> plan)
    {
        var (domain, task) = TestFiles.LoadTask(
            Path.Combine(TestFiles.Benchmarks, folder, "domain.pddl"), Path.Combine(TestFiles.Benchmarks, folder, problem));
        return PlanValidator.Validate(domain, task, plan);
    }

    /// <summary>Swaps 1-based steps.</summary>
    private static PlanStep[] Swap(IReadOnlyList<PlanStep> plan, int first, int second)
    {
        var result = plan.ToArray();
        (result[first - 1], result[second - 1]) = (result[second - 1], result[first - 1]);
        return result;
    }

    private static PlanStep[] Replace(IReadOnlyList<PlanStep> plan, int step, PlanStep replacement)
    {
        var result = plan.ToArray();
        result[step - 1] = replacement;
        return result;
    }
}
