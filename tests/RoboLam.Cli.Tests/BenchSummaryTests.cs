using RoboLam.Cli;
using RoboLam.Cli.Bench;

namespace RoboLam.Cli.Tests;

public sealed class BenchSummaryTests : IDisposable
{
    private readonly string _reference = Path.GetTempFileName();

    public BenchSummaryTests() => File.WriteAllLines(_reference,
    [
        "| domain | problem | lama-first | A* LM-cut | other |",
        "|---|---|---|---|---|",
        "| gripper | prob01.pddl | 0.20 / 11 / 16 | 0.15 / 11 / 107 | 0.19 / 11 / 12 |",
        "| gripper | prob20.pddl | 0.40 / 125 / 187 |  | 0.65 / 125 / 161 |",
    ]);

    [Fact]
    public void The_summary_compares_every_problem_and_the_larger_ones_on_their_own()
    {
        var rows = new[]
        {
            Solved("prob01.pddl", wallSeconds: 0.10, cost: 11),
            Solved("prob20.pddl", wallSeconds: 0.10, cost: 120),
        };
        var output = new StringWriter();

        BenchSummary.Write(rows, ReferenceTable.Read(_reference), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("against the reference on 2 problems: wall time ratio (geometric mean) 0.35x, total cost 131 vs 136 (-3.7%) on the problems both solved", lines);
        Assert.Contains("against the reference on 1 larger problems: wall time ratio (geometric mean) 0.25x, total cost 120 vs 125 (-4.0%) on the problems both solved", lines);
        Assert.Equal("solved 2/2, invalid 0, time-outs 0", lines[^1]);
    }

    [Fact]
    public void An_unsolved_problem_counts_at_the_time_it_used_and_not_in_the_cost()
    {
        var rows = new[]
        {
            Solved("prob01.pddl", wallSeconds: 0.20, cost: 11),
            new BenchRow(Entry("prob20.pddl"), ExitCodes.TimeLimit, 1.60, null, 5000, "-"),
        };
        var output = new StringWriter();

        BenchSummary.Write(rows, ReferenceTable.Read(_reference), output);

        Assert.Contains("on 2 problems: wall time ratio (geometric mean) 2.00x, total cost 11 vs 11 (+0.0%)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("solved 1/2, invalid 0, time-outs 1", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_reference);

    private static BenchEntry Entry(string problem) => new("ipc/gripper/domain.pddl", "ipc/gripper/" + problem);

    private static BenchRow Solved(string problem, double wallSeconds, int cost) =>
        new(Entry(problem), ExitCodes.Success, wallSeconds, cost, 10, "valid");
}
