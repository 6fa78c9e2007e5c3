using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class ConstraintTests
{
    [Fact]
    public void An_always_constraint_is_checked_after_every_step()
    {
        var problem = Blocks.Problem(constraints: Always(Not(Atom("on-table", "b3"))));

        var result = Blocks.Validate(Blocks.SolvingPlan, problem);

        Assert.Equal(2, result.FailedStep);
        Assert.Equal("step 2 (put-down b3): constraint (always (not (on-table b3))) is violated in the state after it", result.Message);
    }

    [Fact]
    public void An_always_constraint_false_in_the_initial_state_is_reported()
    {
        var result = Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: Always(Atom("holding", "b1"))));

        Assert.Null(result.FailedStep);
        Assert.Equal("constraint (always (holding b1)) is violated in the initial state", result.Message);
    }

    [Fact]
    public void A_forall_over_constraints_is_expanded_and_reported_per_object()
    {
        var constraints = ForAll("?b - block", Always(Not(Atom("in", "?b", "box"))));
        var plan = Blocks.SolvingPlan.Take(1).Append(PlanStep.Of("put-in", "b3", "box")).ToArray();

        var result = Blocks.Validate(plan, Blocks.Problem(Atom("hand-empty"), constraints));

        Assert.Equal("step 2 (put-in b3 box): constraint (always (not (in b3 box))) is violated in the state after it", result.Message);
    }

    [Fact]
    public void Holding_constraints_keep_a_plan_valid()
    {
        var constraints = And(
            Always(Not(Atom("in", "b1", "box"))),
            Modal("sometime", Atom("holding", "b3")),
            Modal("at-most-once", Atom("holding", "b1")),
            Modal("sometime-before", Atom("holding", "b1"), Atom("on-table", "b3")),
            Modal("sometime-after", Atom("holding", "b3"), Atom("hand-empty")));

        var result = Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: constraints));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Trajectory_constraints_judged_over_the_whole_run_report_their_violation()
    {
        Assert.Equal(
            "constraint (sometime (holding b2)) is violated: the condition never holds",
            Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: Modal("sometime", Atom("holding", "b2")))).Message);
        Assert.Equal(
            "step 3 (pick b1): constraint (sometime-before (holding b1) (holding b2)) is violated in the state after it: the first condition holds before the second ever did",
            Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: Modal("sometime-before", Atom("holding", "b1"), Atom("holding", "b2")))).Message);
        Assert.Equal(
            "step 3 (pick b1): constraint (at-most-once (not (hand-empty))) is violated in the state after it: the condition becomes true a second time",
            Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: Modal("at-most-once", Not(Atom("hand-empty"))))).Message);
        Assert.Equal(
            "constraint (sometime-after (holding b1) (holding b3)) is violated: the second condition never follows the first",
            Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: Modal("sometime-after", Atom("holding", "b1"), Atom("holding", "b3")))).Message);
    }

    [Fact]
    public void Timed_constraints_are_reported_as_unsupported()
    {
        var within = new RoboLam.Pddl.Ast.ConstraintCondition("within", [5.0], [Atom("holding", "b1")], RoboLam.Pddl.Ast.SourceSpan.None);

        var result = Blocks.Validate(Blocks.SolvingPlan, Blocks.Problem(constraints: within));

        Assert.Equal(ValidationVerdict.TaskError, result.Verdict);
        Assert.StartsWith("unsupported: the constraint 'within' is not supported", result.Message, StringComparison.Ordinal);
    }
}
