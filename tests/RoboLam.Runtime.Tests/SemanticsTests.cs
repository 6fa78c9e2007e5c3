using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

public sealed class SemanticsTests
{
    [Fact]
    public void A_precondition_that_does_not_hold_is_explained_by_the_fact_that_is_false()
    {
        var pick = Domains.Tabletop.Ground(Domains.Action("(pick r2)"));

        Assert.Equal("(clear r2) does not hold", pick.UnmetPrecondition(Domains.TabletopWorld));
        Assert.Null(Domains.Tabletop.Ground(Domains.Action("(pick r1)")).UnmetPrecondition(Domains.TabletopWorld));
    }

    [Fact]
    public void A_universal_precondition_names_the_object_that_breaks_it()
    {
        var world = Domains.FactoryWorld;
        var painted = world.Apply([new SensedFact(GroundFact.Of("painted", "p2", "red"), true)]);
        var paint = Domains.Factory.Ground(Domains.Action("(paint p2 paint blue)"));

        var reason = paint.UnmetPrecondition(painted.Apply([new SensedFact(GroundFact.Of("at", "p2", "paint"), true)]));

        Assert.Equal("(painted p2 red) holds (for ?other = red)", reason);
    }

    [Fact]
    public void Predicted_effects_delete_and_add_the_facts_the_domain_says()
    {
        var unstack = Domains.Tabletop.Ground(Domains.Action("(unstack g1 r2)"));

        var changes = unstack.PredictEffects(Domains.TabletopWorld);

        Assert.Equal(["(clear r2)", "(holding g1)"], changes.Adds.Select(fact => fact.Text).Order());
        Assert.Equal(["(clear g1)", "(hand-empty)", "(on g1 r2)"], changes.Deletes.Select(fact => fact.Text).Order());
    }

    [Fact]
    public void An_action_with_the_wrong_number_of_arguments_is_refused_with_its_arity()
    {
        var error = Assert.Throws<ExecutionModelException>(() => Domains.Tabletop.Ground(Domains.Action("(pick r1 r2)")));

        Assert.Contains("takes 1 argument(s), got 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_on_different_parts_and_devices_have_no_order_between_them()
    {
        var world = Domains.FactoryWorld;
        string[] texts = ["(convey p2 input drill)", "(convey p3 input drill)", "(drill p2 drill)"];
        var actions = texts.Select(text => Domains.Factory.Ground(Domains.Action(text))).ToArray();

        var order = PlanOrdering.Compute(actions, ["conveyor-a", "conveyor-b", "drill"], world);

        Assert.Empty(order[0]);
        Assert.Empty(order[1]);
        Assert.Equal(new[] { 0 }, order[2].ToArray());
    }

    [Fact]
    public void Steps_on_the_same_device_stay_in_plan_order_even_when_independent()
    {
        var world = Domains.FactoryWorld;
        string[] texts = ["(convey p2 input drill)", "(convey p3 input drill)"];
        var actions = texts.Select(text => Domains.Factory.Ground(Domains.Action(text))).ToArray();

        var order = PlanOrdering.Compute(actions, ["conveyor", "conveyor"], world);

        Assert.Equal(new[] { 0 }, order[1].ToArray());
    }

    [Fact]
    public void A_goal_of_literals_reports_the_first_literal_still_missing()
    {
        var goal = GoalCondition.FromLiterals("(on g1 r1)", "(not (holding b1))");

        Assert.Equal("(on g1 r1) does not hold", goal.Unmet(Domains.Tabletop, Domains.TabletopWorld));
        Assert.Equal("(and (on g1 r1) (not (holding b1)))", goal.ToString());
    }
}
