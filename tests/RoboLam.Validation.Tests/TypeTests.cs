using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class TypeTests
{
    // vehicle > truck, plane; place; a constant depot of type place.
    private static readonly RoboLam.Pddl.Ast.Domain s_domain = Domain(
        "truck plane - vehicle vehicle place",
        [Predicate("at", "?v - vehicle ?p - place"), Predicate("seen", "?x - object"), Predicate("all-home")],
        [
            Action("drive", "?t - truck ?to - place", null, Add("at", "?t", "?to")),
            Action("look", "?x - (either truck place)", null, Add("seen", "?x")),
            Action(
                "check",
                string.Empty,
                ForAll("?v - vehicle", Atom("at", "?v", "depot")),
                Add("all-home")),
        ],
        constants: "depot - place");

    private static ValidationResult Run(params PlanStep[] plan) =>
        PlanValidator.Validate(s_domain, Problem("t1 - truck p1 - plane home - place", [Fact("at", "p1", "depot")], null), plan);

    [Fact]
    public void A_subtype_object_fits_its_parents_parameters_and_constants_are_objects()
    {
        Assert.True(Run(PlanStep.Of("drive", "t1", "depot"), PlanStep.Of("check")).IsValid);
    }

    [Fact]
    public void A_quantifier_ranges_over_all_subtypes()
    {
        Assert.Equal(
            "step 2 (check): precondition (forall (?v - vehicle) (at ?v depot)) is false for ?v = t1",
            Run(PlanStep.Of("drive", "t1", "home"), PlanStep.Of("check")).Message);
    }

    [Fact]
    public void Either_accepts_any_of_its_types_and_nothing_else()
    {
        Assert.True(Run(PlanStep.Of("look", "t1"), PlanStep.Of("look", "home")).IsValid);
        Assert.Equal(
            "step 1 (look p1): p1 is of type plane, but parameter ?x of look needs (either truck place)",
            Run(PlanStep.Of("look", "p1")).Message);
    }

    [Fact]
    public void A_sibling_type_does_not_fit()
    {
        Assert.Equal(
            "step 1 (drive p1 home): p1 is of type plane, but parameter ?t of drive needs truck",
            Run(PlanStep.Of("drive", "p1", "home")).Message);
    }
}
