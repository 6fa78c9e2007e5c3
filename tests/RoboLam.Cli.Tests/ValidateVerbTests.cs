namespace RoboLam.Cli.Tests;

/// <summary><c>robolam validate</c> end to end, in process: output and exit codes.</summary>
public sealed class ValidateVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robolam-validate-").FullName;

    [Fact]
    public void A_valid_plan_prints_its_cost_and_exits_0()
    {
        var (code, output, _) = Validate(RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), Plan("(unstack g1 r2)\n(place-on g1 r1)\n(unstack y1 b1)\n(put-in y1 binl)\n"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("plan valid, cost 4", output.Trim());
    }

    [Fact]
    public void An_invalid_plan_prints_the_failing_step_and_exits_11()
    {
        var (code, output, _) = Validate(RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), Plan("(pick r2)\n"));

        Assert.Equal(ExitCodes.InvalidPlan, code);
        Assert.Equal("plan invalid: step 1 (pick r2): precondition (clear r2) is false", output.Trim());
    }

    [Fact]
    public void An_unknown_object_in_the_plan_exits_33_with_its_line()
    {
        var plan = Plan("; first\n(unstack g1 r2)\n(place-on g1 r9)\n");

        var (code, _, error) = Validate(RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), plan);

        Assert.Equal(ExitCodes.PlanFileError, code);
        Assert.Equal($"{plan}:3:1: step 2 (place-on g1 r9): unknown object r9", error.Trim());
    }

    [Fact]
    public void A_plan_file_that_does_not_parse_exits_33()
    {
        var plan = Plan("(pick r1\n");

        var (code, _, error) = Validate(RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), plan);

        Assert.Equal(ExitCodes.PlanFileError, code);
        Assert.StartsWith($"{plan}:1:9: expected ')'", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_31_and_bad_pddl_exits_32()
    {
        var plan = Plan("(pick r1)\n");
        var broken = Path.Combine(_folder, "broken.pddl");
        File.WriteAllText(broken, "(define (domain x) (:predicates (p))");

        Assert.Equal(ExitCodes.FileError, Validate(Path.Combine(_folder, "none.pddl"), RepositoryFiles.Tabletop("p01.pddl"), plan).Code);
        Assert.Equal(ExitCodes.FileError, Validate(RepositoryFiles.Tabletop("domain.pddl"), RepositoryFiles.Tabletop("p01.pddl"), Path.Combine(_folder, "none.plan")).Code);
        Assert.Equal(ExitCodes.PddlError, Validate(broken, RepositoryFiles.Tabletop("p01.pddl"), plan).Code);
    }

    [Fact]
    public void A_problem_that_fails_the_semantic_check_exits_32_with_its_diagnostics()
    {
        var problem = Path.Combine(_folder, "ill-typed.pddl");
        File.WriteAllText(problem, "(define (problem q) (:domain tabletop) (:objects r1 - block) (:init (flying r1)) (:goal (hand-empty)))");

        var (code, _, error) = Validate(RepositoryFiles.Tabletop("domain.pddl"), problem, Plan("(pick r1)\n"));

        Assert.Equal(ExitCodes.PddlError, code);
        Assert.Contains($"{problem}(1,", error, StringComparison.Ordinal);
        Assert.Contains("flying", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_arguments_exit_30_with_the_usage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(ExitCodes.UsageError, Program.Run(["validate", "only-one"], output, error));
        Assert.Contains("usage: robolam validate DOMAIN PROBLEM PLAN", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Plan(string text)
    {
        var path = Path.Combine(_folder, $"plan{Directory.GetFiles(_folder).Length}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Validate(string domain, string problem, string plan)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(["validate", domain, problem, plan], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
