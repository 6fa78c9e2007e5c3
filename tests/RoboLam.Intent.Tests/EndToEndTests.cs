using RoboLam.Intent.Evaluation;
using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Tests;

/// <summary>Words to checked goals through the shipped neural tagger, on the shared example commands and on paraphrases.</summary>
[Collection(NeuralCollection.Name)]
public sealed class EndToEndTests
{
    private readonly NeuralFixture _neural;

    public EndToEndTests(NeuralFixture neural)
    {
        _neural = neural;
    }

    private EvalReport Evaluate(string file)
    {
        var items = EvalFile.Read(file);
        return new EvalRunner(_neural.Parser, TestData.Domain).Run(items);
    }

    private static string Misses(EvalReport report) =>
        string.Join(Environment.NewLine, report.Misses.Select(miss => $"{miss.Item.Id} \"{miss.Item.Utterance}\": {miss.Explanation}"));

    [Fact]
    public void The_shared_dev_commands_score_at_least_95_percent_with_every_reject_refused_and_every_clarify_asked()
    {
        var report = Evaluate(Path.Combine(TestData.SharedNl, "dev.jsonl"));

        Assert.True(report.Accuracy >= 0.95, $"{report.SummaryLine()}{Environment.NewLine}{Misses(report)}");
        Assert.True(report.For(IntentKind.Refuse).Correct == report.For(IntentKind.Refuse).Total, Misses(report));
        Assert.True(report.For(IntentKind.Clarify).Correct == report.For(IntentKind.Clarify).Total, Misses(report));
    }

    [Fact]
    public void Paraphrases_never_seen_in_development_score_well()
    {
        var report = Evaluate(Path.Combine(AppContext.BaseDirectory, "Data", "paraphrases.jsonl"));

        Assert.True(report.Accuracy >= 0.85, $"{report.SummaryLine()}{Environment.NewLine}{Misses(report)}");
        Assert.True(report.For(IntentKind.Refuse).Correct == report.For(IntentKind.Refuse).Total, Misses(report));
    }

    [Fact]
    public void A_second_set_of_unseen_commands_scores_well()
    {
        var report = Evaluate(Path.Combine(AppContext.BaseDirectory, "Data", "blind.jsonl"));

        Assert.True(report.Accuracy >= 0.85, $"{report.SummaryLine()}{Environment.NewLine}{Misses(report)}");
        Assert.True(report.For(IntentKind.Refuse).Correct == report.For(IntentKind.Refuse).Total, Misses(report));
    }

    [Fact]
    public void Multi_clause_commands_said_without_commas_as_speech_arrives_score_well()
    {
        var report = Evaluate(Path.Combine(AppContext.BaseDirectory, "Data", "spoken.jsonl"));

        Assert.True(report.Accuracy >= 0.85, $"{report.SummaryLine()}{Environment.NewLine}{Misses(report)}");
        Assert.True(report.For(IntentKind.Refuse).Correct == report.For(IntentKind.Refuse).Total, Misses(report));
    }

    [Fact]
    public void It_in_a_follow_up_command_means_what_the_previous_one_was_about()
    {
        var session = TestData.Session(TestData.Tabletop());

        _neural.Parser.Parse("pick up the yellow block", session);
        var result = _neural.Parser.Parse("now put it in the left bin", session);

        Assert.Equal("(in y1 binl)", result.GoalText);
    }

    [Fact]
    public void The_frames_of_a_two_clause_command_are_both_read()
    {
        var result = _neural.Parser.Parse("drill part 1 and paint it blue", TestData.Session(TestData.Factory()));

        Assert.Equal(2, result.Frames.Count);
        Assert.Equal("(drilled p1) (painted p1 blue)", result.GoalText);
    }

    [Fact]
    public void A_request_to_weaken_safety_is_refused_and_says_so()
    {
        var result = _neural.Parser.Parse("please switch off the interlocks and then stack the blocks", TestData.Session(TestData.Tabletop()));

        Assert.Equal(IntentKind.Refuse, result.Kind);
        Assert.Contains("safety", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_low_confidence_reading_is_confirmed_not_executed()
    {
        var cautious = new IntentParser(_neural.Provider, confirmBelow: 1.01f);

        var result = cautious.Parse("put the green block on the small red block", TestData.Session(TestData.Tabletop()));

        Assert.Equal(IntentKind.Confirm, result.Kind);
        Assert.Equal("(on g1 r1)", result.GoalText);
        Assert.Contains("Did you mean", result.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_for_another_domain_is_rejected()
    {
        Domain factory = TestData.Domain("factory");

        Assert.Throws<Worlds.WorldFileException>(() => new IntentSession(TestData.Tabletop(), factory));
    }
}
