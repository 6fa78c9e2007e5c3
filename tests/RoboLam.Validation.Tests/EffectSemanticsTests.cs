using RoboLam.Pddl.Ast;
using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

public class EffectSemanticsTests
{
    private static ValidationResult Run(ActionDef action, InitElement[] init, Condition goal, params PlanStep[] plan) =>
        PlanValidator.Validate(
            Domain("lamp", [Predicate("on", "?l - lamp"), Predicate("marked", "?l - lamp"), Predicate("done")], [action]),
            Problem("l1 l2 l3 - lamp", init, goal),
            plan);

    [Fact]
    public void Conditional_effects_are_judged_on_the_state_before_the_step()
    {
        // A toggle: evaluated one effect at a time, the second "when" would switch the lamp back on.
        var toggle = Action(
            "toggle",
            "?l - lamp",
            null,
            Effects(When(Atom("on", "?l"), Delete("on", "?l")), When(Not(Atom("on", "?l")), Add("on", "?l"))));

        Assert.True(Run(toggle, [Fact("on", "l1")], Not(Atom("on", "l1")), PlanStep.Of("toggle", "l1")).IsValid);
        Assert.True(Run(toggle, [], Atom("on", "l1"), PlanStep.Of("toggle", "l1")).IsValid);
        Assert.True(Run(toggle, [], Not(Atom("on", "l1")), PlanStep.Of("toggle", "l1"), PlanStep.Of("toggle", "l1")).IsValid);
    }

    [Fact]
    public void When_an_atom_is_both_deleted_and_added_the_add_wins()
    {
        var refresh = Action("refresh", "?l - lamp", null, Effects(Add("on", "?l"), Delete("on", "?l")));

        Assert.True(Run(refresh, [], Atom("on", "l2"), PlanStep.Of("refresh", "l2")).IsValid);
    }

    [Fact]
    public void A_universal_conditional_effect_touches_every_matching_object()
    {
        var markLit = Action(
            "mark-lit",
            string.Empty,
            null,
            ForAllEffect("?l - lamp", When(Atom("on", "?l"), Add("marked", "?l"))));
        var goal = And(Atom("marked", "l1"), Atom("marked", "l3"), Not(Atom("marked", "l2")));

        Assert.True(Run(markLit, [Fact("on", "l1"), Fact("on", "l3")], goal, PlanStep.Of("mark-lit")).IsValid);
        Assert.Equal(
            "goal (marked l3) is false after the last step",
            Run(markLit, [Fact("on", "l1")], goal, PlanStep.Of("mark-lit")).Message);
    }

    [Fact]
    public void A_precondition_with_forall_reports_the_object_that_breaks_it()
    {
        var finish = Action("finish", string.Empty, ForAll("?l - lamp", Atom("on", "?l")), Add("done"));

        var result = Run(finish, [Fact("on", "l1"), Fact("on", "l3")], Atom("done"), PlanStep.Of("finish"));

        Assert.Equal("step 1 (finish): precondition (forall (?l - lamp) (on ?l)) is false for ?l = l2", result.Message);
    }

    [Fact]
    public void Exists_or_imply_and_equality_are_evaluated_with_the_step_bindings()
    {
        var pair = Action(
            "pair",
            "?a ?b - lamp",
            And(
                Not(Equal("?a", "?b")),
                Or(Atom("on", "?a"), Atom("on", "?b")),
                Imply(Atom("on", "?a"), Exists("?other - lamp", And(Not(Equal("?other", "?a")), Atom("marked", "?other"))))),
            Add("done"));
        InitElement[] init = [Fact("on", "l1"), Fact("marked", "l2")];

        Assert.True(Run(pair, init, Atom("done"), PlanStep.Of("pair", "l1", "l3")).IsValid);
        Assert.Equal(
            "step 1 (pair l1 l1): precondition (not (= l1 l1)) is false",
            Run(pair, init, Atom("done"), PlanStep.Of("pair", "l1", "l1")).Message);
        Assert.Equal(
            "step 1 (pair l2 l3): precondition (or (on l2) (on l3)) is false",
            Run(pair, init, Atom("done"), PlanStep.Of("pair", "l2", "l3")).Message);
        Assert.Equal(
            "step 1 (pair l1 l2): precondition (imply (on l1) (exists (?other - lamp) (and (not (= ?other l1)) (marked ?other)))) is false",
            Run(pair, [Fact("on", "l1")], Atom("done"), PlanStep.Of("pair", "l1", "l2")).Message);
    }
}
