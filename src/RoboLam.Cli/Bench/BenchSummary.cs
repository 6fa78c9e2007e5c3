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
        var ratios = new List<double>();
        long ourCost = 0;
        long theirCost = 0;
        var compared = 0;
        foreach (var row in rows)
        {
            if (!reference.TryGet(row.Entry, out var theirWall, out var cost))
            {
                continue;
            }

            compared++;

            // An unsolved problem counts at the full time budget it used, so failures cannot flatter the ratio.
            ratios.Add(row.WallSeconds / theirWall);
            if (row.IsSolved)
            {
                ourCost += row.Cost ?? 0;
                theirCost += cost;
            }
        }

        if (compared > 0)
        {
            output.WriteLine(
                $"against the reference on {compared} problems: wall time ratio (geometric mean) {GeometricMean(ratios):0.00}x, " +
                $"total cost {ourCost} vs {theirCost} ({100.0 * (ourCost - theirCost) / Math.Max(1, theirCost):+0.0;-0.0}%) on the problems both solved");
        }
    }

    private static double GeometricMean(IEnumerable<double> values)
    {
        var logs = values.Select(value => Math.Log(Math.Max(value, 1e-6))).ToArray();
        return logs.Length == 0 ? 0 : Math.Exp(logs.Average());
    }
}
