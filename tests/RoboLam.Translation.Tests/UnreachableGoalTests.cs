using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class UnreachableGoalTests
{
    [Fact]
    public void An_unreachable_goal_fact_is_named_with_its_first_missing_link()
    {
        var domain = Domain(
            "block",
            Predicates("clear ?x - block", "holding ?x - block", "ontable ?x - block"),
            [Action("pick-up", "?x - block", And(A("clear", "?x"), A("ontable", "?x")), Effects(Add("holding", "?x"), Del("ontable", "?x")))]);
        var problem = Problem("b1 b7 - block", [Atom("ontable", "b7"), Atom("ontable", "b1"), Atom("clear", "b1")], A("holding", "b7"));

        var result = Translator.Translate(domain, problem);

        Assert.False(result.GoalIsRelaxedReachable);
        Assert.Equal(["(holding b7) needs (clear b7); nothing adds (clear b7)."], result.UnreachableGoalExplanations);
    }

    [Fact]
    public void The_chain_follows_missing_links_through_several_actions()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place", "road ?from ?to - place", "visited ?p - place"),
            [
                Action("drive", "?from ?to - place", And(A("at", "?from"), A("road", "?from", "?to")), Effects(Del("at", "?from"), Add("at", "?to"))),
                Action("visit", "?p - place", A("at", "?p"), Add("visited", "?p")),
            ]);
        var problem = Problem("a b c - place", [Atom("at", "a"), Atom("road", "a", "b")], A("visited", "c"));

        var sentence = Assert.Single(Translator.Translate(domain, problem).UnreachableGoalExplanations);

        Assert.StartsWith("(visited c) needs (at c); (at c) needs (road ?from c)", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_goal_on_a_fact_nothing_deletes_is_explained()
    {
        var domain = Domain(
            "thing",
            Predicates("broken ?x - thing", "fixed ?x - thing"),
            [Action("fix", "?x - thing", null, Add("fixed", "?x"))]);
        var problem = Problem("t - thing", [Atom("broken", "t")], And(A("fixed", "t"), Not(A("broken", "t"))));

        var result = Translator.Translate(domain, problem);

        Assert.False(result.GoalIsRelaxedReachable);
        Assert.Contains(result.UnreachableGoalExplanations, sentence => sentence.Contains("(not (broken t))", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reachable_goal_has_no_explanations()
    {
        var result = Translator.Translate(Support.Domains.Blocks(), Support.Domains.BlocksTower());

        Assert.True(result.GoalIsRelaxedReachable);
        Assert.Empty(result.UnreachableGoalExplanations);
    }
}
