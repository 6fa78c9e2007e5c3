using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Tests;

/// <summary>Derived predicates read from a PDDL file (the IPC set here has no domain with axioms).</summary>
public class DerivedPredicateFileTests
{
    [Fact]
    public void A_plan_through_opened_doors_is_valid()
    {
        var result = Validate(TestFiles.LoadPlan("corridor-p01.plan"));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(4, result.Cost);
    }

    [Fact]
    public void Going_through_a_closed_door_fails_on_the_derived_precondition()
    {
        var plan = TestFiles.LoadPlan("corridor-p01.plan").Where((_, index) => index != 1).ToArray();

        Assert.Equal("step 2 (go r1 r3): precondition (reachable r3) is false", Validate(plan).Message);
    }

    [Fact]
    public void A_negated_axiom_in_the_goal_sees_the_final_state()
    {
        var plan = TestFiles.LoadPlan("corridor-p01.plan").Append(PlanStep.Of("open-door", "r3", "r4")).ToArray();

        Assert.Equal("goal (isolated r4) is false after the last step", Validate(plan).Message);
    }

    private static ValidationResult Validate(IReadOnlyList<PlanStep> plan)
    {
        var fixtures = Path.Combine(TestFiles.TestProject, "Fixtures");
        var (domain, problem) = TestFiles.LoadTask(
            Path.Combine(fixtures, "corridor-domain.pddl"), Path.Combine(fixtures, "corridor-p01.pddl"));
        return PlanValidator.Validate(domain, problem, plan);
    }
}
