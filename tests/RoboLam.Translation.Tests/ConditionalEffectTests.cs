using RoboLam.Pddl.Ast;
using RoboLam.Translation.Tests.Support;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class ConditionalEffectTests
{
    private static readonly Domain s_briefcase = Domain(
        "portable location - object",
        Predicates("at ?y - portable ?x - location", "in ?x - portable", "is-at ?x - location"),
        [
            Action(
                "move",
                "?m ?l - location",
                A("is-at", "?m"),
                Effects(
                    Add("is-at", "?l"),
                    Del("is-at", "?m"),
                    ForAllDo("?x - portable", When(A("in", "?x"), Effects(Add("at", "?x", "?l"), Del("at", "?x", "?m")))))),
            Action("take-out", "?x - portable", A("in", "?x"), Del("in", "?x")),
            Action(
                "put-in",
                "?x - portable ?l - location",
                And(Not(A("in", "?x")), A("at", "?x", "?l"), A("is-at", "?l")),
                Add("in", "?x")),
        ]);

    [Fact]
    public void A_universal_conditional_effect_expands_over_the_objects_and_fires_only_when_its_condition_holds()
    {
        var problem = Problem(
            "d1 d2 - portable home office - location",
            [Atom("at", "d1", "home"), Atom("at", "d2", "home"), Atom("is-at", "home")],
            And(A("at", "d1", "office"), A("at", "d2", "home")));

        var task = Translator.Translate(s_briefcase, problem).Task;

        var move = task.Operators.Single(op => op.Name == "(move home office)");
        Assert.Contains(move.Effects, effect => effect.Condition.Length == 1 && task.FactNames[effect.Fact] == "(at d1 office)");
        Assert.Contains(move.Effects, effect => effect.Condition.Length == 1 && task.FactNames[effect.Fact] == "(at d2 office)");

        var simulator = new TaskSimulator(task);
        simulator.Apply("(put-in d1 home)");
        simulator.Apply("(move home office)");
        Assert.True(simulator.Holds("(at d1 office)"));
        Assert.False(simulator.Holds("(at d1 home)"));
        Assert.True(simulator.Holds("(at d2 home)"));
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void Moving_to_the_same_place_keeps_everything_where_it_is_because_adds_win_over_deletes()
    {
        var problem = Problem("d1 - portable home office - location", [Atom("at", "d1", "home"), Atom("is-at", "home")], A("in", "d1"));

        var simulator = new TaskSimulator(Translator.Translate(s_briefcase, problem).Task);
        simulator.Apply("(put-in d1 home)");
        simulator.Apply("(move home home)");

        Assert.True(simulator.Holds("(is-at home)"));
        Assert.True(simulator.Holds("(at d1 home)"));
    }

    [Fact]
    public void A_complement_fact_stays_consistent_when_one_operator_adds_and_deletes_the_atom_under_different_conditions()
    {
        var domain = Domain(
            "lamp",
            Predicates("lit ?l - lamp", "wired ?l - lamp", "fuse"),
            [
                Action(
                    "toggle",
                    "?l - lamp",
                    null,
                    Effects(When(A("fuse"), Del("lit", "?l")), When(A("wired", "?l"), Add("lit", "?l")))),
                Action("wire", "?l - lamp", null, Add("wired", "?l")),
                Action("check", "?l - lamp", Not(A("lit", "?l")), Add("fuse")),
            ]);
        var problem = Problem("l1 - lamp", [Atom("lit", "l1"), Atom("fuse")], Not(A("lit", "l1")));

        var simulator = new TaskSimulator(Translator.Translate(domain, problem).Task);
        simulator.Apply("(wire l1)");
        simulator.Apply("(toggle l1)");

        Assert.True(simulator.Holds("(lit l1)"));
        Assert.False(simulator.Holds("(not (lit l1))"));
    }
}
