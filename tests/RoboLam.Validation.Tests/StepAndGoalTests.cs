using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class StepAndGoalTests
{
    [Fact]
    public void A_plan_that_reaches_the_goal_is_valid_and_costs_its_length()
    {
        var result = Blocks.Validate(Blocks.SolvingPlan);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(4, result.Cost);
        Assert.Equal("plan valid, cost 4", result.Message);
    }

    [Fact]
    public void A_false_precondition_names_the_step_and_the_grounded_condition()
    {
        var result = Blocks.Validate([PlanStep.Of("pick", "b1")]);

        Assert.Equal(ValidationVerdict.InvalidPlan, result.Verdict);
        Assert.Equal(1, result.FailedStep);
        Assert.Equal("step 1 (pick b1): precondition (clear b1) is false", result.Message);
    }

    [Fact]
    public void The_first_false_conjunct_is_reported()
    {
        var result = Blocks.Validate([PlanStep.Of("pick", "b2"), PlanStep.Of("unstack", "b3", "b1")]);

        Assert.Equal(2, result.FailedStep);
        Assert.Equal("step 2 (unstack b3 b1): precondition (hand-empty) is false", result.Message);
    }

    [Fact]
    public void A_goal_that_is_false_at_the_end_is_named()
    {
        var result = Blocks.Validate(Blocks.SolvingPlan.Take(3).ToArray());

        Assert.Equal(ValidationVerdict.InvalidPlan, result.Verdict);
        Assert.Null(result.FailedStep);
        Assert.Equal("goal (on b1 b2) is false after the last step", result.Message);
    }

    [Fact]
    public void The_empty_plan_is_judged_on_the_initial_state()
    {
        Assert.Equal(
            "goal (on b1 b2) is false in the initial state (the plan is empty)",
            Blocks.Validate([]).Message);

        var trivial = Blocks.Validate([], Blocks.Problem(Atom("on", "b3", "b1")));
        Assert.True(trivial.IsValid);
        Assert.Equal(0, trivial.Cost);
    }

    [Fact]
    public void An_unknown_action_is_an_unresolved_step()
    {
        var result = Blocks.Validate([PlanStep.Of("fly", "b1")]);

        Assert.Equal(ValidationVerdict.UnresolvedStep, result.Verdict);
        Assert.Equal("step 1 (fly b1): unknown action fly", result.Message);
    }

    [Fact]
    public void An_unknown_object_is_an_unresolved_step()
    {
        var result = Blocks.Validate([PlanStep.Of("unstack", "b3", "b1"), PlanStep.Of("place-on", "b3", "b9")]);

        Assert.Equal(ValidationVerdict.UnresolvedStep, result.Verdict);
        Assert.Equal(2, result.FailedStep);
        Assert.Equal("step 2 (place-on b3 b9): unknown object b9", result.Message);
    }

    [Fact]
    public void A_wrong_number_of_arguments_is_an_unresolved_step()
    {
        Assert.Equal(
            "step 1 (pick b1 b2): action pick takes 1 argument, got 2",
            Blocks.Validate([PlanStep.Of("pick", "b1", "b2")]).Message);
        Assert.Equal(
            "step 1 (unstack b3): action unstack takes 2 arguments, got 1",
            Blocks.Validate([PlanStep.Of("unstack", "b3")]).Message);
    }

    [Fact]
    public void An_argument_of_the_wrong_type_makes_the_plan_invalid()
    {
        var result = Blocks.Validate([PlanStep.Of("unstack", "b3", "b1"), PlanStep.Of("put-in", "b3", "b2")]);

        Assert.Equal(ValidationVerdict.InvalidPlan, result.Verdict);
        Assert.Equal("step 2 (put-in b3 b2): b2 is of type block, but parameter ?bin of put-in needs bin", result.Message);
    }

    [Fact]
    public void Names_in_steps_are_case_insensitive()
    {
        var plan = Blocks.SolvingPlan.Select(step => step with
        {
            Action = step.Action.ToUpperInvariant(),
            Arguments = step.Arguments.Select(argument => argument.ToUpperInvariant()).ToArray(),
        }).ToArray();

        Assert.True(Blocks.Validate(plan).IsValid);
    }

    [Fact]
    public void Every_single_step_removal_from_the_solving_plan_is_rejected()
    {
        for (var removed = 0; removed < Blocks.SolvingPlan.Count; removed++)
        {
            var mutated = Blocks.SolvingPlan.Where((_, index) => index != removed).ToArray();
            Assert.False(Blocks.Validate(mutated).IsValid, $"plan without step {removed + 1} was accepted");
        }
    }
}
