using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Tests;

public class PlanFileTests
{
    [Fact]
    public void Reads_one_step_a_line_and_ignores_comments_and_blank_lines()
    {
        var result = PlanFile.Parse("; a plan\n(unstack b3 b1)\n\n(put-down b3) ; why\n; cost = 2 (unit cost)\n", "p.plan");

        Assert.False(result.HasErrors);
        Assert.Equal(["(unstack b3 b1)", "(put-down b3)"], result.Steps.Select(step => step.ToString()));
        Assert.Equal((2, 1), (result.Steps[0].Line, result.Steps[0].Column));
        Assert.Equal((4, 1), (result.Steps[1].Line, result.Steps[1].Column));
    }

    [Fact]
    public void Ignores_timestamps_and_durations()
    {
        var result = PlanFile.Parse("0: (pick b1) [1]\r\n1.000:   (PUT-DOWN b1)  [1.000]\r\n", "p.plan");

        Assert.False(result.HasErrors);
        Assert.Equal(["(pick b1)", "(put-down b1)"], result.Steps.Select(step => step.ToString()));
    }

    [Fact]
    public void Lower_cases_names()
    {
        var step = Assert.Single(PlanFile.Parse("(Unstack B3 b1)", "p.plan").Steps);

        Assert.Equal("unstack", step.Action);
        Assert.Equal(["b3", "b1"], step.Arguments);
    }

    [Fact]
    public void Reports_every_bad_line_with_its_position_and_keeps_the_good_ones()
    {
        var result = PlanFile.Parse("(pick b1)\n  pick b2\n(put-down b1\n()\n(a (b))\n(stack b1 b2)", "p.plan");

        Assert.Equal(["(pick b1)", "(stack b1 b2)"], result.Steps.Select(step => step.ToString()));
        Assert.Equal(
            [
                "p.plan:2:3: expected '(' to start a step, found 'pick'",
                "p.plan:3:13: expected ')' to close the step before the end of the line",
                "p.plan:4:1: empty step '()': expected an action name",
                "p.plan:5:4: unexpected '(' inside a step: a step is (action arg...) with plain names",
            ],
            result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void A_timestamp_without_a_step_is_an_error()
    {
        var error = Assert.Single(PlanFile.Parse("3: ; nothing", "p.plan").Errors);

        Assert.Equal("p.plan:1:4: expected '(' and a step after the timestamp", error.ToString());
    }

    [Fact]
    public void An_empty_file_is_the_empty_plan()
    {
        var result = PlanFile.Parse(string.Empty, "p.plan");

        Assert.False(result.HasErrors);
        Assert.Empty(result.Steps);
    }

    [Fact]
    public void Steps_compare_by_action_and_arguments_not_by_position()
    {
        var read = Assert.Single(PlanFile.Parse("\n  (pick b1)", "p.plan").Steps);

        Assert.Equal(PlanStep.Of("pick", "b1"), read);
        Assert.NotEqual(PlanStep.Of("pick", "b2"), read);
        Assert.Equal(PlanStep.Of("pick", "b1").GetHashCode(), read.GetHashCode());
    }
}
