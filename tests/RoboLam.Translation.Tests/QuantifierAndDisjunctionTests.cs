using RoboLam.Translation.Tests.Support;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class QuantifierAndDisjunctionTests
{
    [Fact]
    public void A_disjunctive_precondition_splits_into_operators_with_the_same_name()
    {
        var domain = Domain(
            "thing",
            Predicates("red ?x - thing", "blue ?x - thing", "passed ?x - thing"),
            [
                Action("paint-red", "?x - thing", null, Add("red", "?x")),
                Action("paint-blue", "?x - thing", null, Add("blue", "?x")),
                Action("pass", "?x - thing", Or(A("red", "?x"), A("blue", "?x")), Add("passed", "?x")),
            ]);
        var problem = Problem("t - thing", [], A("passed", "t"));

        var task = Translator.Translate(domain, problem).Task;

        var passes = task.Operators.Where(op => op.Name == "(pass t)").ToList();
        Assert.Equal(2, passes.Count);
        var simulator = new TaskSimulator(task);
        simulator.Apply("(paint-blue t)");
        simulator.Apply("(pass t)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void A_split_variant_that_only_asks_for_more_is_dropped()
    {
        var domain = Domain(
            "thing",
            Predicates("ready ?x - thing", "checked ?x - thing", "passed ?x - thing"),
            [
                Action("prepare", "?x - thing", null, Effects(Add("ready", "?x"), Add("checked", "?x"))),
                Action("pass", "?x - thing", Or(A("ready", "?x"), And(A("ready", "?x"), A("checked", "?x"))), Add("passed", "?x")),
            ]);
        var problem = Problem("t - thing", [], A("passed", "t"));

        var task = Translator.Translate(domain, problem).Task;

        var pass = Assert.Single(task.Operators, op => op.Name == "(pass t)");
        Assert.Equal(["(ready t)"], pass.Precondition.Select(fact => task.FactNames[fact]));
    }

    [Fact]
    public void An_existential_precondition_becomes_hidden_parameters_that_stay_out_of_the_name()
    {
        var domain = Domain(
            "block",
            Predicates("on ?x ?y - block", "covered ?x - block"),
            [Action("note-covered", "?x - block", Exists("?y - block", A("on", "?y", "?x")), Add("covered", "?x"))]);
        var problem = Problem("a b c - block", [Atom("on", "a", "c"), Atom("on", "b", "c")], A("covered", "c"));

        var task = Translator.Translate(domain, problem).Task;

        Assert.All(task.Operators, op => Assert.Equal("(note-covered c)", op.Name));
        Assert.NotEmpty(task.Operators);
        Assert.Empty(task.Axioms);
    }

    [Fact]
    public void A_universal_precondition_decided_by_static_facts_becomes_plain_literals_over_the_objects()
    {
        var domain = Domain(
            "passenger floor - object",
            Predicates("lift-at ?f - floor", "going-down ?p - passenger", "boarded ?p - passenger", "above ?a ?b - floor"),
            [
                Action(
                    "up",
                    "?f1 ?f2 - floor",
                    And(A("lift-at", "?f1"), A("above", "?f1", "?f2"), ForAll("?p - passenger", Imply(A("going-down", "?p"), Not(A("boarded", "?p"))))),
                    Effects(Add("lift-at", "?f2"), Del("lift-at", "?f1"))),
                Action("board", "?p - passenger", null, Add("boarded", "?p")),
            ]);
        var problem = Problem(
            "p1 p2 - passenger f1 f2 - floor",
            [Atom("lift-at", "f1"), Atom("above", "f1", "f2"), Atom("going-down", "p1")],
            A("lift-at", "f2"));

        var task = Translator.Translate(domain, problem).Task;

        var up = task.Operators.Single(op => op.Name == "(up f1 f2)");
        Assert.Empty(task.Axioms);
        Assert.Equal(["(lift-at f1)", "(not (boarded p1))"], up.Precondition.Select(fact => task.FactNames[fact]).Order());
    }

    [Fact]
    public void A_universal_precondition_over_changing_facts_becomes_a_derived_fact_with_the_right_value()
    {
        var domain = Domain(
            "job",
            Predicates("waiting ?j - job", "served ?j - job", "closed"),
            [
                Action("serve", "?j - job", A("waiting", "?j"), Effects(Add("served", "?j"), Del("waiting", "?j"))),
                Action("close", "", ForAll("?j - job", Imply(A("waiting", "?j"), A("served", "?j"))), Add("closed")),
            ]);
        var problem = Problem("j1 j2 - job", [Atom("waiting", "j1"), Atom("waiting", "j2")], A("closed"));

        var task = Translator.Translate(domain, problem).Task;

        Assert.NotEmpty(task.Axioms);
        var simulator = new TaskSimulator(task);
        Assert.DoesNotContain(simulator.Applicable(), op => op.Name == "(close)");
        simulator.Apply("(serve j1)");
        Assert.DoesNotContain(simulator.Applicable(), op => op.Name == "(close)");
        simulator.Apply("(serve j2)");
        simulator.Apply("(close)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void Without_expansion_over_objects_the_same_universal_still_translates_correctly_through_axioms()
    {
        var domain = Domain(
            "passenger floor - object",
            Predicates("lift-at ?f - floor", "going-down ?p - passenger", "boarded ?p - passenger"),
            [
                Action("up", "?f1 ?f2 - floor", And(A("lift-at", "?f1"), ForAll("?p - passenger", Imply(A("going-down", "?p"), Not(A("boarded", "?p"))))),
                    Effects(Add("lift-at", "?f2"), Del("lift-at", "?f1"))),
                Action("board", "?p - passenger", null, Add("boarded", "?p")),
            ]);
        var problem = Problem("p1 p2 - passenger f1 f2 - floor", [Atom("lift-at", "f1"), Atom("going-down", "p1")], A("lift-at", "f2"));

        var lifted = Normalization.Normalizer.Normalize(domain, problem, new Normalization.NormalizerOptions(ExpandUniversalsOverObjects: false));

        Assert.NotEmpty(lifted.Axioms);
        Assert.Contains(lifted.Actions.Single(action => action.Name == "up").Precondition, literal => literal.IsNegated && lifted.Predicates[literal.Predicate].Kind == Lifted.PredicateKind.Derived);
    }

    [Fact]
    public void A_complex_goal_is_compiled_into_an_axiom_that_holds_exactly_when_the_goal_does()
    {
        var domain = Domain(
            "thing",
            Predicates("red ?x - thing", "blue ?x - thing"),
            [Action("paint-red", "?x - thing", null, Add("red", "?x")), Action("paint-blue", "?x - thing", null, Add("blue", "?x"))]);
        var problem = Problem("a b - thing", [], ForAll("?x - thing", Or(A("red", "?x"), A("blue", "?x"))));

        var task = Translator.Translate(domain, problem).Task;

        var simulator = new TaskSimulator(task);
        simulator.Apply("(paint-red a)");
        Assert.False(simulator.GoalHolds());
        simulator.Apply("(paint-blue b)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void A_disjunction_too_large_to_split_is_hidden_behind_axioms_and_stays_correct()
    {
        var flags = Enumerable.Range(1, 4).Select(index => $"f{index}").ToArray();
        var precondition = And(flags.Select(flag => Or(A("left", flag), A("right", flag))).ToArray());
        var domain = Domain(
            "flag",
            Predicates("left ?f - flag", "right ?f - flag", "done"),
            [
                Action("set-left", "?f - flag", null, Add("left", "?f")),
                Action("finish", "", precondition, Add("done")),
            ]);
        var problem = Problem(string.Join(' ', flags) + " - flag", [], A("done"));

        var options = new Normalization.NormalizerOptions(DnfLimit: 4);
        var lifted = Normalization.Normalizer.Normalize(domain, problem, options);
        Assert.Single(lifted.Actions, action => action.Name == "finish");
        Assert.NotEmpty(lifted.Axioms);

        var simulator = new TaskSimulator(Translator.Translate(domain, problem, options).Task);
        foreach (var flag in flags)
        {
            simulator.Apply($"(set-left {flag})");
        }

        simulator.Apply("(finish)");
        Assert.True(simulator.GoalHolds());
    }

}
