using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class TypingTests
{
    [Fact]
    public void A_parameter_ranges_over_the_objects_of_its_type_and_its_subtypes()
    {
        var domain = Domain(
            "vehicle - object truck plane - vehicle place - object",
            Predicates("at ?v - vehicle ?p - place"),
            [Action("move", "?v - vehicle ?from ?to - place", A("at", "?v", "?from"), Effects(Del("at", "?v", "?from"), Add("at", "?v", "?to")))]);
        var problem = Problem("t - truck p - plane a b - place", [Atom("at", "t", "a"), Atom("at", "p", "a")], A("at", "t", "b"));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name).ToHashSet();

        Assert.Contains("(move t a b)", names);
        Assert.Contains("(move p a b)", names);
        Assert.DoesNotContain(names, name => name.StartsWith("(move a", StringComparison.Ordinal));
    }

    [Fact]
    public void An_either_type_admits_the_objects_of_each_alternative_only()
    {
        var domain = Domain(
            "cup bowl spoon - object",
            Predicates("clean ?x", "dirty ?x"),
            [Action("wash", "?x - (either cup bowl)", A("dirty", "?x"), Effects(Del("dirty", "?x"), Add("clean", "?x")))]);
        var problem = Problem(
            "c - cup b - bowl s - spoon",
            [Atom("dirty", "c"), Atom("dirty", "b"), Atom("dirty", "s")],
            And(A("clean", "c"), A("clean", "b")));

        var names = Translator.Translate(domain, problem).Task.Operators.Select(op => op.Name).Order();

        Assert.Equal(["(wash b)", "(wash c)"], names);
    }

    [Fact]
    public void An_object_declared_with_an_either_type_belongs_to_each_alternative()
    {
        var domain = Domain(
            "cup bowl - object",
            Predicates("clean ?x", "dirty ?x"),
            [Action("wash-cup", "?x - cup", A("dirty", "?x"), Effects(Del("dirty", "?x"), Add("clean", "?x")))]);
        var problem = Problem("mug - (either cup bowl)", [Atom("dirty", "mug")], A("clean", "mug"));

        var op = Assert.Single(Translator.Translate(domain, problem).Task.Operators);

        Assert.Equal("(wash-cup mug)", op.Name);
    }
}
