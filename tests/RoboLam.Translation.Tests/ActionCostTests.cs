using RoboLam.Pddl.Ast;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class ActionCostTests
{
    private static Domain Roads(Effect cost) => Domain(
        "place",
        Predicates("at ?p - place", "road ?from ?to - place"),
        [Action("drive", "?from ?to - place", And(A("at", "?from"), A("road", "?from", "?to")), Effects(Del("at", "?from"), Add("at", "?to"), cost))],
        functions: [new FunctionDecl("total-cost", [], null, SourceSpan.None), new FunctionDecl("distance", Typed("?a ?b - place"), null, SourceSpan.None)]);

    private static readonly Atom[] s_roads = [Atom("at", "a"), Atom("road", "a", "b"), Atom("road", "b", "c")];

    [Fact]
    public void A_constant_cost_is_taken_when_the_metric_minimises_total_cost()
    {
        var task = Translator.Translate(Roads(Cost(5)), Problem("a b c - place", s_roads, A("at", "c"), minimizeCost: true)).Task;

        Assert.True(task.HasActionCosts);
        Assert.All(task.Operators, op => Assert.Equal(5, op.Cost));
    }

    [Fact]
    public void A_cost_given_by_a_static_function_is_looked_up_per_operator()
    {
        var problem = Problem(
            "a b c - place",
            s_roads,
            A("at", "c"),
            minimizeCost: true,
            numbers: [Value("distance", 7, "a", "b"), Value("distance", 3, "b", "c"), Value("total-cost", 0)]);

        var task = Translator.Translate(Roads(Cost("distance", "?from", "?to")), problem).Task;

        Assert.Equal(7, task.Operators.Single(op => op.Name == "(drive a b)").Cost);
        Assert.Equal(3, task.Operators.Single(op => op.Name == "(drive b c)").Cost);
    }

    [Fact]
    public void Without_the_metric_every_operator_costs_one()
    {
        var task = Translator.Translate(Roads(Cost(5)), Problem("a b c - place", s_roads, A("at", "c"))).Task;

        Assert.False(task.HasActionCosts);
        Assert.All(task.Operators, op => Assert.Equal(1, op.Cost));
    }

    [Fact]
    public void A_missing_function_value_is_reported_with_the_operator_and_the_term()
    {
        var problem = Problem("a b c - place", s_roads, A("at", "c"), minimizeCost: true, numbers: [Value("distance", 7, "a", "b")]);

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(Roads(Cost("distance", "?from", "?to")), problem));

        Assert.Contains("(drive b c)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(distance b c)", error.Message, StringComparison.Ordinal);
    }
}
