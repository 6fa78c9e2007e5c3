using RoboLam.Translation.Tests.Support;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class StripsTranslationTests
{
    [Fact]
    public void A_known_plan_reaches_the_goal_on_the_translated_task()
    {
        var result = Translator.Translate(Domains.Blocks(), Domains.BlocksTower());

        var simulator = new TaskSimulator(result.Task);
        Assert.False(simulator.GoalHolds());
        foreach (var step in new[] { "(pick-up b)", "(stack b c)", "(pick-up a)", "(stack a b)" })
        {
            simulator.Apply(step);
        }

        Assert.True(simulator.GoalHolds());
        Assert.True(result.GoalIsRelaxedReachable);
        Assert.Empty(result.UnreachableGoalExplanations);
    }

    [Fact]
    public void Operator_names_are_lower_case_action_and_arguments_as_the_plan_file_writes_them()
    {
        var result = Translator.Translate(Domains.Blocks(), Domains.BlocksTower());

        var names = result.Task.Operators.Select(op => op.Name).ToHashSet();
        Assert.Contains("(pick-up a)", names);
        Assert.Contains("(stack a b)", names);
        Assert.Contains("(unstack c b)", names);
        Assert.All(names, name => Assert.Matches(@"^\([a-z][a-z0-9_-]*( [a-z0-9_-]+)*\)$", name));
    }

    [Fact]
    public void Every_grounding_reachable_in_the_relaxation_is_an_operator_and_nothing_else()
    {
        var result = Translator.Translate(Domains.Blocks(), Domains.BlocksTower());

        // 3 pick-up + 3 put-down + 9 stack + 9 unstack: everything is relaxed-reachable with three free blocks,
        // except stacking a block on itself, whose add (on x x) nothing reads and whose other effects are no-ops.
        var counts = result.Task.Operators.GroupBy(op => op.Name.Split(' ')[0]).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(3, counts["(pick-up"]);
        Assert.Equal(3, counts["(put-down"]);
        Assert.Equal(9, counts["(unstack"]);
        Assert.InRange(counts["(stack"], 6, 9);
        Assert.Equal(1, result.Task.Operators.Count(op => op.Name == "(stack a b)"));
    }

    [Fact]
    public void Combinations_that_are_never_reachable_get_no_operator()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place", "road ?from ?to - place"),
            [Action("drive", "?from ?to - place", And(A("at", "?from"), A("road", "?from", "?to")), Effects(Del("at", "?from"), Add("at", "?to")))]);
        var problem = Problem(
            "a b c d e - place",
            [Atom("at", "a"), Atom("road", "a", "b"), Atom("road", "b", "a"), Atom("road", "c", "d"), Atom("road", "d", "e")],
            A("at", "b"));

        var result = Translator.Translate(domain, problem);

        Assert.Equal(["(drive a b)", "(drive b a)"], result.Task.Operators.Select(op => op.Name).Order());
    }

    [Fact]
    public void Static_facts_are_decided_at_grounding_and_never_appear_in_the_task()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place", "road ?from ?to - place"),
            [Action("drive", "?from ?to - place", And(A("at", "?from"), A("road", "?from", "?to")), Effects(Del("at", "?from"), Add("at", "?to")))]);
        var problem = Problem("a b - place", [Atom("at", "a"), Atom("road", "a", "b")], A("at", "b"));

        var task = Translator.Translate(domain, problem).Task;

        Assert.DoesNotContain(task.FactNames, name => name.StartsWith("(road", StringComparison.Ordinal) || name.StartsWith("(type:", StringComparison.Ordinal));
        Assert.Equal(["(at a)", "(at b)"], task.FactNames.Order());
        var drive = Assert.Single(task.Operators);
        Assert.Equal([task.FactNames.ToList().IndexOf("(at a)")], drive.Precondition);
    }

    [Fact]
    public void Effects_that_change_nothing_are_dropped()
    {
        var domain = Domain(
            "thing",
            Predicates("ready ?x - thing", "done ?x - thing"),
            [Action("finish", "?x - thing", A("ready", "?x"), Effects(Add("ready", "?x"), Add("done", "?x")))]);
        var problem = Problem("t - thing", [Atom("ready", "t")], A("done", "t"));

        var op = Assert.Single(Translator.Translate(domain, problem).Task.Operators);

        var effect = Assert.Single(op.Effects);
        Assert.False(effect.IsDelete);
    }

    [Fact]
    public void Objects_declared_as_constants_of_the_domain_take_part()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place"),
            [Action("go-home", "?from - place", A("at", "?from"), Effects(Del("at", "?from"), Add("at", "home")))],
            constants: "home - place");
        var problem = Problem("a - place", [Atom("at", "a")], A("at", "home"));

        var task = Translator.Translate(domain, problem).Task;

        Assert.Contains(task.Operators, op => op.Name == "(go-home a)");
        var simulator = new TaskSimulator(task);
        simulator.Apply("(go-home a)");
        Assert.True(simulator.GoalHolds());
    }

    [Fact]
    public void An_operator_whose_adds_and_deletes_cancel_out_is_dropped()
    {
        // Swapping a key for itself deletes and re-adds what it requires: it changes nothing.
        var domain = Domain(
            "key place - object",
            Predicates("holding ?k - key", "at ?k - key ?p - place", "here ?p - place"),
            [
                Action(
                    "swap",
                    "?p - place ?new ?old - key",
                    And(A("here", "?p"), A("at", "?new", "?p"), A("holding", "?old")),
                    Effects(Add("holding", "?new"), Del("at", "?new", "?p"), Add("at", "?old", "?p"), Del("holding", "?old"))),
            ]);
        var problem = Problem("k1 k2 - key p - place", [Atom("here", "p"), Atom("at", "k1", "p"), Atom("holding", "k2")], A("holding", "k1"));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name).Order();

        Assert.Equal(["(swap p k1 k2)", "(swap p k2 k1)"], names);
    }
}
