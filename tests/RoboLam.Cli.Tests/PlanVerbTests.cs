namespace RoboLam.Cli.Tests;

/// <summary><c>robolam plan</c>, <c>run</c> and <c>bench</c> end to end: plans, reasons and exit codes.</summary>
public sealed class PlanVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robolam-plan-").FullName;

    [Fact]
    public void A_solvable_problem_prints_a_plan_in_the_IPC_format_and_exits_0()
    {
        var planFile = Path.Combine(_folder, "out.plan");

        var (code, output, _) = CliRun.Robolam("plan", RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p02.pddl"), "--plan-file", planFile);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("; cost = ", output, StringComparison.Ordinal);
        Assert.Contains("; expanded: ", output, StringComparison.Ordinal);
        var written = File.ReadAllLines(planFile);
        Assert.StartsWith("; cost = ", written[^1], StringComparison.Ordinal);
        Assert.All(written[..^1], line => Assert.Matches(@"^\([a-z-]+( [a-z0-9-]+)*\)$", line));
    }

    [Fact]
    public void The_validate_verb_accepts_the_plan_the_plan_verb_wrote()
    {
        var planFile = Path.Combine(_folder, "out.plan");
        CliRun.Robolam("plan", RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p03.pddl"), "--plan-file", planFile, "--search", "astar(lmcut)");

        var (code, output, _) = CliRun.Robolam("validate", RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p03.pddl"), planFile);

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("plan valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_goal_exits_10_and_names_the_missing_link()
    {
        var problem = Path.Combine(_folder, "binned.pddl");
        File.WriteAllText(
            problem,
            "(define (problem binned) (:domain tabletop) (:objects a - block tray - bin)" +
            " (:init (in a tray) (hand-empty)) (:goal (holding a)))");

        var (code, _, error) = CliRun.Robolam("plan", RepositoryFiles.Tabletop("domain.pddl"), problem);

        Assert.Equal(ExitCodes.Unsolvable, code);
        Assert.Contains("(holding a)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_search_component_exits_30_and_points_to_the_list()
    {
        var (code, _, error) = CliRun.Robolam("plan", RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), "--search", "astar(magic)");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("magic", error, StringComparison.Ordinal);
        Assert.Contains("--list", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_names_every_search_and_heuristic_the_issue_asks_for()
    {
        var (code, output, _) = CliRun.Robolam("plan", "--list");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var name in new[] { "lama", "anytime", "lazy-gbfs", "eager-gbfs", "astar", "wastar", "bfs", "goalcount", "hadd", "hmax", "ff", "lmcut", "lmcount" })
        {
            Assert.Matches($@"(?m)^  {name}\b", output);
        }
    }

    [Fact]
    public void The_main_job_stacks_the_blocks_with_the_simulated_arm_and_says_so()
    {
        var (code, output, _) = CliRun.Robolam("run");

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("result: Achieved (exit code 0)", output, StringComparison.Ordinal);
        Assert.Contains("(on g1 b1) (on r1 g1)", output, StringComparison.Ordinal);
        Assert.Contains("expectation: met", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_job_carries_out_a_command_typed_by_the_operator_on_the_same_table()
    {
        var (code, output, _) = CliRun.Robolam("run", "put the red block on the blue block");

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("result: Achieved (exit code 0)", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^table at the end: .*\(on r1 b1\)", output);
        Assert.DoesNotContain("(on g1 b1)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("expectation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_command_naming_an_object_the_table_does_not_have_is_refused_and_nothing_moves()
    {
        var (code, output, error) = CliRun.Robolam("run", "put the purple block on the blue block");

        Assert.Equal(ExitCodes.CommandRefused, code);
        Assert.Contains("purple", output + error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("result:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_plans_each_problem_in_its_own_process_and_validates_every_plan()
    {
        var list = Path.Combine(_folder, "list.txt");
        File.WriteAllLines(list, ["# two small problems", $"{RepositoryFiles.Tabletop("domain.pddl")} {RepositoryFiles.Tabletop("p01.pddl")}", $"{RepositoryFiles.Tabletop("domain.pddl")} {RepositoryFiles.Tabletop("p02.pddl")}"]);
        var csv = Path.Combine(_folder, "results.csv");

        var (code, output, _) = CliRun.Robolam("bench", list, "--time-limit", "30", "--out", csv);

        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("solved 2/2, invalid 0, time-outs 0", output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(csv).Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
