using RoboLam.Pddl.Ast;
using RoboLam.Translation.Tests.Support;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class DerivedPredicateTests
{
    // above is the transitive closure of on; safe negates above, so it must sit in a higher layer.
    private static readonly Domain s_tower = Domain(
        "block",
        Predicates("on ?x ?y - block", "clear ?x - block", "above ?x ?y - block", "safe ?x - block", "bomb ?x - block", "defused ?x - block"),
        [
            Action(
                "unstack",
                "?x ?y - block",
                And(A("on", "?x", "?y"), A("clear", "?x")),
                Effects(Del("on", "?x", "?y"), Add("clear", "?y"))),
            Action("defuse", "?x - block", A("safe", "?x"), Add("defused", "?x")),
            Action("inspect", "?x ?y - block", Not(A("above", "?x", "?y")), Add("defused", "?x")),
        ],
        derived:
        [
            Derived("above", "?x ?y - block", Or(A("on", "?x", "?y"), Exists("?z - block", And(A("on", "?x", "?z"), A("above", "?z", "?y"))))),
            Derived("safe", "?x - block", Not(Exists("?b - block", And(A("bomb", "?b"), A("above", "?b", "?x"))))),
        ]);

    private static Problem Stack() => Problem(
        "a b c - block",
        [Atom("on", "a", "b"), Atom("on", "b", "c"), Atom("clear", "a"), Atom("bomb", "a")],
        And(A("defused", "c"), A("defused", "a")));

    [Fact]
    public void Derived_facts_follow_recursive_rules_and_negation_in_a_higher_layer()
    {
        var task = Translator.Translate(s_tower, Stack()).Task;

        var simulator = new TaskSimulator(task);
        Assert.True(simulator.Holds("(above a c)"));
        Assert.False(simulator.Holds("(safe c)"));
        Assert.True(simulator.Holds("(safe a)"));
        simulator.Apply("(unstack a b)");
        Assert.False(simulator.Holds("(above a c)"));
        Assert.True(simulator.Holds("(safe c)"));
        simulator.Apply("(defuse c)");
        simulator.Apply("(defuse a)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void Negated_derived_facts_are_negation_as_failure_axioms_one_layer_above_the_atom()
    {
        var task = Translator.Translate(s_tower, Stack()).Task;

        var above = task.FactNames.ToList().IndexOf("(above a c)");
        var notAbove = task.FactNames.ToList().IndexOf("(not (above a c))");
        Assert.True(notAbove >= 0);
        var aboveLayer = task.Axioms.First(axiom => axiom.Head == above).Layer;
        var negation = Assert.Single(task.Axioms, axiom => axiom.Head == notAbove);
        Assert.Equal([above], negation.NegatedBody);
        Assert.Empty(negation.Body);
        Assert.True(negation.Layer > aboveLayer);
        Assert.Contains(notAbove, task.DerivedFacts);

        var safeLayer = task.Axioms.First(axiom => task.FactNames[axiom.Head] == "(safe c)").Layer;
        Assert.True(safeLayer > aboveLayer);
        Assert.Empty(GroundTaskChecker.Check(task));
    }

    [Fact]
    public void An_operator_reads_a_negated_derived_fact_through_its_negation_as_failure_fact()
    {
        var task = Translator.Translate(s_tower, Stack()).Task;

        var simulator = new TaskSimulator(task);
        Assert.DoesNotContain(simulator.Applicable(), op => op.Name == "(inspect a c)");
        Assert.Contains(simulator.Applicable(), op => op.Name == "(inspect c a)");
    }

    [Fact]
    public void Derived_predicates_that_negate_themselves_are_rejected_with_their_name()
    {
        var domain = Domain(
            "thing",
            Predicates("odd ?x - thing", "done"),
            [Action("finish", "?x - thing", A("odd", "?x"), Add("done"))],
            derived: [Derived("odd", "?x - thing", Not(A("odd", "?x")))]);
        var problem = Problem("t - thing", [], A("done"));

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(domain, problem));

        Assert.Contains("odd", error.Message, StringComparison.Ordinal);
    }
}
