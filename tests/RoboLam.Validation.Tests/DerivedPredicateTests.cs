using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class DerivedPredicateTests
{
    // above = transitive closure of on; free = not above anything... (negation on a lower stratum).
    private static RoboLam.Pddl.Ast.Domain TowerDomain(params RoboLam.Pddl.Ast.DerivedPredicateDef[] extra) => Domain(
        "block",
        [Predicate("on", "?x ?y - block"), Predicate("above", "?x ?y - block"), Predicate("base", "?x - block"), Predicate("rung", "?x - block")],
        [
            Action("move", "?x ?from ?to - block", Atom("on", "?x", "?from"), Effects(Delete("on", "?x", "?from"), Add("on", "?x", "?to"))),
            Action("ring", "?x - block", Atom("base", "?x"), Add("rung", "?x")),
        ],
        derived:
        [
            Derived("above", "?x ?y - block", Or(
                Atom("on", "?x", "?y"),
                Exists("?z - block", And(Atom("on", "?x", "?z"), Atom("above", "?z", "?y"))))),
            Derived("base", "?x - block", ForAll("?y - block", Not(Atom("above", "?x", "?y")))),
            .. extra,
        ]);

    private static RoboLam.Pddl.Ast.Problem Tower(RoboLam.Pddl.Ast.Condition goal) => Problem(
        "a b c d - block",
        [Fact("on", "a", "b"), Fact("on", "b", "c")],
        goal);

    [Fact]
    public void Derived_atoms_follow_the_least_fixpoint_of_their_rules()
    {
        var result = PlanValidator.Validate(TowerDomain(), Tower(And(Atom("above", "a", "c"), Not(Atom("above", "c", "a")))), []);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Negation_of_a_lower_stratum_is_evaluated_on_its_complete_fixpoint()
    {
        Assert.True(PlanValidator.Validate(TowerDomain(), Tower(Atom("rung", "c")), [PlanStep.Of("ring", "c")]).IsValid);
        Assert.Equal(
            "step 1 (ring a): precondition (base a) is false",
            PlanValidator.Validate(TowerDomain(), Tower(Atom("rung", "a")), [PlanStep.Of("ring", "a")]).Message);
    }

    [Fact]
    public void Derived_atoms_are_recomputed_after_every_step()
    {
        var result = PlanValidator.Validate(
            TowerDomain(),
            Tower(And(Atom("above", "a", "d"), Not(Atom("above", "a", "c")))),
            [PlanStep.Of("move", "a", "b", "d")]);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(
            "goal (above a c) is false after the last step",
            PlanValidator.Validate(TowerDomain(), Tower(Atom("above", "a", "c")), [PlanStep.Of("move", "a", "b", "d")]).Message);
    }

    [Fact]
    public void Rules_that_negate_themselves_are_rejected_before_any_step()
    {
        var domain = Domain(
            "block",
            [Predicate("p", "?x - block"), Predicate("q", "?x - block")],
            [],
            derived: [Derived("p", "?x - block", Not(Atom("q", "?x"))), Derived("q", "?x - block", Atom("p", "?x"))]);

        var result = PlanValidator.Validate(domain, Problem("a - block", [], null), []);

        Assert.Equal(ValidationVerdict.TaskError, result.Verdict);
        Assert.Contains("not stratifiable", result.Message, StringComparison.Ordinal);
    }
}
