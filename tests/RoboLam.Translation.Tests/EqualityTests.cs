using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class EqualityTests
{
    [Fact]
    public void An_inequality_removes_the_groundings_with_equal_arguments()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place"),
            [Action("move", "?from ?to - place", And(A("at", "?from"), Not(Eq("?from", "?to"))), Effects(Del("at", "?from"), Add("at", "?to")))]);
        var problem = Problem("a b c - place", [Atom("at", "a")], A("at", "c"));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name).ToList();

        Assert.Equal(6, names.Count);
        Assert.DoesNotContain("(move a a)", names);
    }

    [Fact]
    public void An_equality_keeps_only_the_groundings_with_equal_arguments()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place", "marked ?p - place"),
            [Action("mark", "?here ?p - place", And(A("at", "?here"), Eq("?here", "?p")), Add("marked", "?p"))]);
        var problem = Problem("a b - place", [Atom("at", "a")], A("marked", "a"));

        var op = Assert.Single(Translator.Translate(domain, problem).Task.Operators);

        Assert.Equal("(mark a a)", op.Name);
    }

    [Fact]
    public void An_equality_with_a_constant_restricts_the_parameter()
    {
        var domain = Domain(
            "place",
            Predicates("at ?p - place", "marked ?p - place"),
            [Action("mark", "?p - place", And(A("at", "?p"), Not(Eq("?p", "home"))), Add("marked", "?p"))],
            constants: "home - place");
        var problem = Problem("a - place", [Atom("at", "a"), Atom("at", "home")], A("marked", "a"));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name);

        Assert.Equal(["(mark a)"], names);
    }
}
