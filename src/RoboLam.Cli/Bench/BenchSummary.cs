namespace RoboLam.Cli.Bench;

/// <summary>The closing lines of a benchmark run, with the comparison to a reference planner when one is given.</summary>
public static class BenchSummary
{
    public static void Write(IReadOnlyList<BenchRow> rows, ReferenceTable? reference, TextWriter output)
    {
        var solved = rows.Where(row => row.IsSolved).ToArray();
        output.WriteLine();
        if (solved.Length > 0)
        {
            output.WriteLine(
                $"wall time: geometric mean {GeometricMean(solved.Select(row => row.WallSeconds)):0.000} s, total cost of solved: {solved.Sum(row => row.Cost ?? 0)}");
        }

        if (reference is not null)
        {
            WriteComparison(rows, reference, output);
        }

        output.WriteLine($"solved {solved.Length}/{rows.Count}, invalid {rows.Count(row => row.IsInvalid)}, time-outs {rows.Count(row => row.IsTimeOut)}");
    }

    private static void WriteComparison(IReadOnlyList<BenchRow> rows, ReferenceTable reference, TextWriter output)
    {
        var compared = rows.Select(row => (Row: row, Theirs: reference.Find(row.Entry))).Where(pair => pair.Theirs is not null).ToArray();
        WriteComparison("", compared.Select(pair => (pair.Row, pair.Theirs!)).ToArray(), output);
        WriteComparison(" larger", compared.Where(pair => pair.Theirs!.IsLarger).Select(pair => (pair.Row, pair.Theirs!)).ToArray(), output);
    }

    private static void WriteComparison(string which, IReadOnlyList<(BenchRow Ours, ReferenceTable.Row Theirs)> pairs, TextWriter output)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        // An unsolved problem counts at the full time budget it used, so failures cannot flatter the ratio.
        var ratio = GeometricMean(pairs.Select(pair => pair.Ours.WallSeconds / pair.Theirs.WallSeconds));
        var bothSolved = pairs.Where(pair => pair.Ours.IsSolved).ToArray();
        long ourCost = bothSolved.Sum(pair => (long)(pair.Ours.Cost ?? 0));
        long theirCost = bothSolved.Sum(pair => (long)pair.Theirs.Cost);
        output.WriteLine(
            $"against the reference on {pairs.Count}{which} problems: wall time ratio (geometric mean) {ratio:0.00}x, " +
            $"total cost {ourCost} vs {theirCost} ({100.0 * (ourCost - theirCost) / Math.Max(1, theirCost):+0.0;-0.0}%) on the problems both solved");
    }

    private static double GeometricMean(IEnumerable<double> values)
    {
        var logs = values.Select(value => Math.Log(Math.Max(value, 1e-6))).ToArray();
        return logs.Length == 0 ? 0 : Math.Exp(logs.Average());
    }
}
