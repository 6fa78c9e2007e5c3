using RoboLam.Translation.Tests.Support;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class NegativeConditionTests
{
    private static readonly RoboLam.Pddl.Ast.Domain s_switches = Domain(
        "switch",
        Predicates("on ?s - switch", "used ?s - switch"),
        [
            Action("turn-on", "?s - switch", Not(A("on", "?s")), Effects(Add("on", "?s"), Add("used", "?s"))),
            Action("turn-off", "?s - switch", A("on", "?s"), Del("on", "?s")),
        ]);

    [Fact]
    public void A_negative_precondition_reads_a_complement_fact_that_starts_true_exactly_when_the_atom_is_false()
    {
        var problem = Problem("s1 s2 - switch", [Atom("on", "s1")], And(A("used", "s2"), A("used", "s1")));

        var task = Translator.Translate(s_switches, problem).Task;

        var simulator = new TaskSimulator(task);
        Assert.True(simulator.Holds("(not (on s2))"));
        Assert.False(simulator.Holds("(not (on s1))"));
        var turnOn = task.Operators.Single(op => op.Name == "(turn-on s2)");
        Assert.Contains(simulator.Fact("(not (on s2))"), turnOn.Precondition);
    }

    [Fact]
    public void Every_operator_that_changes_the_atom_keeps_its_complement_in_step()
    {
        var problem = Problem("s1 - switch", [Atom("on", "s1")], A("used", "s1"));

        var simulator = new TaskSimulator(Translator.Translate(s_switches, problem).Task);
        simulator.Apply("(turn-off s1)");
        Assert.True(simulator.Holds("(not (on s1))"));
        simulator.Apply("(turn-on s1)");
        Assert.False(simulator.Holds("(not (on s1))"));
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void A_negative_goal_is_a_complement_fact_in_the_goal()
    {
        var problem = Problem("s1 - switch", [Atom("on", "s1")], Not(A("on", "s1")));

        var task = Translator.Translate(s_switches, problem).Task;

        var simulator = new TaskSimulator(task);
        Assert.Equal([simulator.Fact("(not (on s1))")], task.Goal);
        simulator.Apply("(turn-off s1)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void A_negated_atom_that_can_never_become_true_is_dropped_from_conditions()
    {
        var domain = Domain(
            "switch",
            Predicates("on ?s - switch", "broken ?s - switch"),
            [Action("turn-on", "?s - switch", And(Not(A("on", "?s")), Not(A("broken", "?s"))), Add("on", "?s"))]);
        var problem = Problem("s1 - switch", [], A("on", "s1"));

        var task = Translator.Translate(domain, problem).Task;

        Assert.DoesNotContain(task.FactNames, name => name.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negated_static_atom_that_holds_rules_the_operator_out()
    {
        var domain = Domain(
            "switch",
            Predicates("on ?s - switch", "broken ?s - switch"),
            [Action("turn-on", "?s - switch", Not(A("broken", "?s")), Add("on", "?s"))]);
        var problem = Problem("s1 s2 - switch", [Atom("broken", "s2")], A("on", "s1"));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name);

        Assert.Equal(["(turn-on s1)"], names);
    }
}
