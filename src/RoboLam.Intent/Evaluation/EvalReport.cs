using System.Globalization;

namespace RoboLam.Intent.Evaluation;

/// <summary>Every item's outcome and the totals: accuracy overall and per expectation, and latency percentiles.</summary>
public sealed class EvalReport
{
    public EvalReport(IReadOnlyList<EvalOutcome> outcomes)
    {
        Outcomes = outcomes;
    }

    public IReadOnlyList<EvalOutcome> Outcomes { get; }

    public int Total => Outcomes.Count;

    public int Correct => Outcomes.Count(outcome => outcome.Correct);

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public IEnumerable<EvalOutcome> Misses => Outcomes.Where(outcome => !outcome.Correct);

    public (int Correct, int Total) For(IntentKind expect)
    {
        var items = Outcomes.Where(outcome => outcome.Item.Expect == expect).ToList();
        return (items.Count(outcome => outcome.Correct), items.Count);
    }

    /// <summary>The <paramref name="percent"/>th percentile of the per-command time, nearest rank.</summary>
    public double PercentileMilliseconds(double percent)
    {
        if (Total == 0)
        {
            return 0;
        }

        var sorted = Outcomes.Select(outcome => outcome.Result.Elapsed.TotalMilliseconds).Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary><c>intent accuracy: P% (n/N); goal n/N, clarify n/N, reject n/N; p50 X ms, p95 Y ms</c>.</summary>
    public string SummaryLine()
    {
        var (goal, goals) = For(IntentKind.Goal);
        var (clarify, clarifies) = For(IntentKind.Clarify);
        var (reject, rejects) = For(IntentKind.Refuse);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"intent accuracy: {Accuracy * 100:F1}% ({Correct}/{Total}); goal {goal}/{goals}, clarify {clarify}/{clarifies}, reject {reject}/{rejects}; p50 {PercentileMilliseconds(50):F1} ms, p95 {PercentileMilliseconds(95):F1} ms");
    }
}
