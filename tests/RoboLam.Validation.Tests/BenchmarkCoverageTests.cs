namespace RoboLam.Validation.Tests;

/// <summary>The validator understands every task of the benchmark list (../shared/benchmarks/problems.txt).</summary>
public class BenchmarkCoverageTests
{
    public static TheoryData<string, string> ListedProblems()
    {
        var data = new TheoryData<string, string>();
        var list = Path.Combine(Path.GetDirectoryName(TestFiles.Benchmarks)!, "problems.txt");
        foreach (var line in File.ReadLines(list))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && !line.StartsWith('#'))
            {
                data.Add(fields[0], fields[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListedProblems))]
    public void Every_listed_task_compiles_and_the_empty_plan_is_judged_on_its_goal(string domainFile, string problemFile)
    {
        var root = Path.GetDirectoryName(TestFiles.Benchmarks)!;
        var (domain, problem) = TestFiles.LoadTask(Path.Combine(root, domainFile), Path.Combine(root, problemFile));

        var result = PlanValidator.Validate(domain, problem, []);

        Assert.Equal(ValidationVerdict.InvalidPlan, result.Verdict);
        Assert.StartsWith("goal ", result.Message, StringComparison.Ordinal);
        Assert.EndsWith(" in the initial state (the plan is empty)", result.Message, StringComparison.Ordinal);
    }
}
