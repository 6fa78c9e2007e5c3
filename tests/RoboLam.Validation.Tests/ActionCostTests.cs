using RoboLam.Pddl.Ast;
using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class ActionCostTests
{
    // Roads with a length each; driving costs the length, honking costs 1.
    private static readonly Domain s_domain = Domain(
        "city",
        [Predicate("at", "?c - city"), Predicate("road", "?a ?b - city")],
        [
            Action(
                "drive",
                "?from ?to - city",
                And(Atom("at", "?from"), Atom("road", "?from", "?to")),
                Effects(Delete("at", "?from"), Add("at", "?to"), IncreaseTotalCost(Function("length", "?from", "?to")))),
            Action("honk", string.Empty, null, IncreaseTotalCost(Number(1))),
        ],
        functions: [NumericFunction("total-cost"), NumericFunction("length", "?a ?b - city")]);

    private static Problem Trip(bool minimizeTotalCost, bool withLengthBC = true) => Problem(
        "a b c - city",
        [
            Fact("at", "a"), Fact("road", "a", "b"), Fact("road", "b", "c"),
            Value(Function("length", "a", "b"), 7), .. withLengthBC ? [Value(Function("length", "b", "c"), 2.5)] : Array.Empty<InitElement>(),
            Value(Function("total-cost"), 0),
        ],
        Atom("at", "c"),
        minimizeTotalCost);

    private static readonly PlanStep[] s_trip = [PlanStep.Of("drive", "a", "b"), PlanStep.Of("honk"), PlanStep.Of("drive", "b", "c")];

    [Fact]
    public void With_a_total_cost_metric_the_cost_is_the_sum_of_the_increases()
    {
        var result = PlanValidator.Validate(s_domain, Trip(minimizeTotalCost: true), s_trip);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(10.5, result.Cost);
        Assert.Equal("plan valid, cost 10.5", result.Message);
    }

    [Fact]
    public void Without_a_metric_the_cost_is_the_number_of_steps()
    {
        Assert.Equal(3, PlanValidator.Validate(s_domain, Trip(minimizeTotalCost: false), s_trip).Cost);
    }

    [Fact]
    public void A_cost_the_init_does_not_give_makes_the_step_fail()
    {
        var result = PlanValidator.Validate(s_domain, Trip(minimizeTotalCost: true, withLengthBC: false), s_trip);

        Assert.Equal(3, result.FailedStep);
        Assert.Equal("step 3 (drive b c): its cost (length b c) has no value in the init", result.Message);
    }

    [Fact]
    public void Other_numeric_fluents_are_reported_as_unsupported()
    {
        var domain = s_domain with
        {
            Actions = [.. s_domain.Actions, Action("refuel", string.Empty, null, Numeric("assign", Function("fuel"), Number(10)))],
            Functions = [.. s_domain.Functions, NumericFunction("fuel")],
        };

        var result = PlanValidator.Validate(domain, Trip(minimizeTotalCost: true), s_trip);

        Assert.Equal(ValidationVerdict.TaskError, result.Verdict);
        Assert.Equal(
            "unsupported: numeric fluent 'fuel' is changed by an effect; the validator supports only (increase (total-cost) ...)",
            result.Message);
    }

    [Fact]
    public void Static_numeric_functions_can_be_compared_in_preconditions()
    {
        var domain = s_domain with
        {
            Actions =
            [
                Action(
                    "drive",
                    "?from ?to - city",
                    And(Atom("at", "?from"), Atom("road", "?from", "?to"), Compare("<", Function("length", "?from", "?to"), Number(5))),
                    Effects(Delete("at", "?from"), Add("at", "?to"))),
            ],
        };

        var result = PlanValidator.Validate(domain, Trip(minimizeTotalCost: false), [PlanStep.Of("drive", "a", "b")]);

        Assert.Equal("step 1 (drive a b): precondition (< (length a b) 5) is false", result.Message);
    }
}
