using RoboLam.Pddl.Ast;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests;

public sealed class UnsupportedFeatureTests
{
    private static readonly SourceSpan s_where = new("domain.pddl", 12, 3);

    private static Domain WithAction(ActionDef action) =>
        Domain("thing", Predicates("ready ?x - thing", "done ?x - thing"), [action], functions: [new FunctionDecl("fuel", Typed("?x - thing"), null, SourceSpan.None)]);

    private static Problem AnyProblem() => Problem("t - thing", [Atom("ready", "t")], A("done", "t"));

    [Fact]
    public void A_durative_action_is_rejected_by_name_and_place()
    {
        var durative = new DurativeActionDef("fly", Typed("?x - thing"), null, null, null, s_where);
        var domain = Domain("thing", Predicates("done ?x - thing"), []) with { DurativeActions = [durative] };

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(domain, AnyProblem()));

        Assert.Contains("durative action fly", error.Message, StringComparison.Ordinal);
        Assert.Contains("domain.pddl(12,3)", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, error.Span.Line);
    }

    [Fact]
    public void A_numeric_precondition_is_rejected_naming_the_comparison()
    {
        var fuel = new FunctionExpr("fuel", [Term("?x")], SourceSpan.None);
        var action = Action("go", "?x - thing", new ComparisonCondition(">", fuel, new NumberExpr(0, SourceSpan.None), s_where), Add("done", "?x"));

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(WithAction(action), AnyProblem()));

        Assert.Contains("numeric condition (> ...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_effect_other_than_increasing_total_cost_is_rejected()
    {
        var fuel = new FunctionExpr("fuel", [Term("?x")], SourceSpan.None);
        var decrease = new NumericEffect("decrease", fuel, new NumberExpr(1, SourceSpan.None), s_where);
        var action = Action("go", "?x - thing", A("ready", "?x"), Effects(Add("done", "?x"), decrease));

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(WithAction(action), AnyProblem()));

        Assert.Contains("(decrease (fuel ...) ...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_other_than_total_cost_is_rejected()
    {
        var action = Action("go", "?x - thing", A("ready", "?x"), Add("done", "?x"));
        var problem = AnyProblem() with { Metric = new Metric(false, new FunctionExpr("fuel", [Term("t")], SourceSpan.None), s_where) };

        var error = Assert.Throws<TranslationException>(() => Translator.Translate(WithAction(action), problem));

        Assert.Contains("metric", error.Message, StringComparison.Ordinal);
    }
}
