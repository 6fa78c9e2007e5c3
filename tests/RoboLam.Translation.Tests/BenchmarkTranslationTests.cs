using RoboLam.Translation.Tests.Support;

namespace RoboLam.Translation.Tests;

/// <summary>Every problem of the shared benchmark list translates, with sane sizes.</summary>
public sealed class BenchmarkTranslationTests
{
    public static TheoryData<string, string> Problems()
    {
        var data = new TheoryData<string, string>();
        foreach (var (domain, problem) in Benchmarks.Pairs())
        {
            data.Add(domain, problem);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void The_benchmark_problem_translates_to_a_well_formed_task_with_a_reachable_goal(string domainPath, string problemPath)
    {
        var (domain, problem) = Benchmarks.Load(domainPath, problemPath);

        var result = Translator.Translate(domain, problem);

        Assert.True(result.GoalIsRelaxedReachable, string.Join(" ", result.UnreachableGoalExplanations));
        Assert.Empty(GroundTaskChecker.Check(result.Task));
        Assert.InRange(result.Task.Operators.Count, 1, 20_000);
        Assert.NotEmpty(result.Task.Goal);
        Assert.All(result.Task.Operators, op => Assert.StartsWith("(", op.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ipc/gripper/domain.pddl", "ipc/gripper/prob01.pddl", 34)]
    [InlineData("ipc/blocks/domain.pddl", "ipc/blocks/probBLOCKS-4-0.pddl", 40)]
    [InlineData("ipc/grid/domain.pddl", "ipc/grid/prob02.pddl", 4140)]
    public void Operator_counts_match_a_hand_count(string domainPath, string problemPath, int operators)
    {
        // gripper prob01: 4 balls, 2 rooms, 2 grippers: pick 16 + drop 16 + move between different rooms 2
        // (moving to the same room changes nothing). blocks 4: pick-up 4 + put-down 4 + stack 16 + unstack 16.
        // grid prob02: move 120 + pickup 360 + putdown 360 + unlock 60 + pickup-and-loose 3600, less the 360 that
        // swap a key for itself (they change nothing).
        var (domain, problem) = Benchmarks.Load(domainPath, problemPath);

        Assert.Equal(operators, Translator.Translate(domain, problem).Task.Operators.Count);
    }
}
