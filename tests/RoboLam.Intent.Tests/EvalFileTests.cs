using RoboLam.Intent.Evaluation;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Tests;

public sealed class EvalFileTests
{
    [Fact]
    public void The_shared_dev_file_reads_with_worlds_resolved_beside_it()
    {
        var items = EvalFile.Read(Path.Combine(TestData.SharedNl, "dev.jsonl"));

        Assert.Equal(49, items.Count);
        Assert.All(items, item => Assert.True(File.Exists(item.WorldPath), item.WorldPath));
        Assert.Equal(["r1", "r2"], items.Single(item => item.Id == "tt-021").Candidates);
    }

    [Theory]
    [InlineData("""{"id": "x", "world": "w.json", "utterance": "hi", "expect": "maybe"}""", "'expect' must be goal, clarify or reject")]
    [InlineData("""{"id": "x", "world": "w.json", "utterance": "hi", "expect": "goal"}""", "needs a non-empty 'goal'")]
    [InlineData("""{"id": "x", "world": "w.json", "expect": "reject"}""", "'utterance' is missing")]
    [InlineData("""not json""", "not a JSON object")]
    public void A_malformed_line_is_reported_with_its_line_number(string line, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"robolam-eval-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, ["""{"id": "ok", "world": "w.json", "utterance": "hi", "expect": "reject"}""", line]);
        try
        {
            var exception = Assert.Throws<EvalFileException>(() => EvalFile.Read(path));

            Assert.Contains(":2: ", exception.Message, StringComparison.Ordinal);
            Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scoring_accepts_extra_literals_only_when_already_true()
    {
        var world = TestData.Tabletop();
        var item = new EvalItem("t", "w", [], "u", IntentKind.Goal, [Fact.Parse("(on g1 b1)")], [], 1);
        IntentResult Result(string goal) => new(IntentKind.Goal, "test", TimeSpan.Zero) { Goal = goal.Split(';').Select(Fact.Parse).ToList() };

        Assert.True(EvalScorer.Score(item, Result("(on g1 b1);(on-table b1)"), world).Correct);
        Assert.False(EvalScorer.Score(item, Result("(on g1 b1);(on-table g1)"), world).Correct);
        Assert.False(EvalScorer.Score(item, Result("(on-table b1)"), world).Correct);
    }

    [Fact]
    public void The_summary_line_has_the_agreed_format()
    {
        var world = TestData.Tabletop();
        var goal = new EvalItem("g", "w", [], "u", IntentKind.Goal, [Fact.Parse("(holding r1)")], [], 1);
        var reject = new EvalItem("r", "w", [], "u", IntentKind.Refuse, [], [], 2);
        var outcomes = new[]
        {
            new EvalOutcome(goal, new IntentResult(IntentKind.Goal, "t", TimeSpan.FromMilliseconds(10)), true, "goal"),
            new EvalOutcome(reject, new IntentResult(IntentKind.Goal, "t", TimeSpan.FromMilliseconds(20)), false, "no"),
        };
        _ = world;

        Assert.Equal(
            "intent accuracy: 50.0% (1/2); goal 1/1, clarify 0/0, reject 0/1; p50 10.0 ms, p95 20.0 ms",
            new EvalReport(outcomes).SummaryLine());
    }
}
