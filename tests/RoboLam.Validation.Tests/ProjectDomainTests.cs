using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Tests;

/// <summary>The project's own domains (domains/), their problems, and hand-written plans for them.</summary>
public class ProjectDomainTests
{
    public static TheoryData<string, string, double> Problems => new()
    {
        { "tabletop", "p01", 4 },
        { "tabletop", "p02", 6 },
        { "tabletop", "p03", 6 },
        { "tabletop", "p04", 9 },
        { "factory", "p01", 9 },
        { "factory", "p02", 21 },
        { "factory", "p03", 19 },
        { "factory", "p04", 49 },
        { "factory", "p05", 27 },
        { "factory", "p06", 54 },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_problem_has_a_valid_hand_written_plan(string domain, string problem, double cost)
    {
        var result = Validate(domain, problem, TestFiles.LoadPlan($"{domain}-{problem}.plan"));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(cost, result.Cost);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Leaving_out_any_one_step_of_those_plans_is_rejected(string domain, string problem, double cost)
    {
        _ = cost;
        var plan = TestFiles.LoadPlan($"{domain}-{problem}.plan");
        for (var left = 0; left < plan.Count; left++)
        {
            var mutated = plan.Where((_, index) => index != left).ToArray();
            Assert.False(Validate(domain, problem, mutated).IsValid, $"{domain} {problem} accepted the plan without step {left + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_domain_and_problem_checks_without_any_diagnostic(string domain, string problem, double cost)
    {
        _ = cost;
        var (_, _, diagnostics) = TestFiles.LoadAndCheck(
            Path.Combine(TestFiles.Domains, domain, "domain.pddl"), Path.Combine(TestFiles.Domains, domain, problem + ".pddl"));

        Assert.Empty(diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Every_problem_file_in_domains_is_covered_by_a_plan()
    {
        var problems = Directory.EnumerateFiles(TestFiles.Domains, "p*.pddl", SearchOption.AllDirectories)
            .Select(path => $"{Path.GetFileName(Path.GetDirectoryName(path))} {Path.GetFileNameWithoutExtension(path)}")
            .Order(StringComparer.Ordinal);
        var covered = Problems.Select(row => $"{row[0]} {row[1]}").Order(StringComparer.Ordinal);

        Assert.Equal(covered, problems);
    }

    [Fact]
    public void Tabletop_cannot_pick_a_block_that_has_another_on_top()
    {
        Assert.Equal(
            "step 1 (unstack r2 g1): precondition (on r2 g1) is false",
            Validate("tabletop", "p01", [PlanStep.Of("unstack", "r2", "g1")]).Message);
        Assert.Equal(
            "step 1 (pick r2): precondition (clear r2) is false",
            Validate("tabletop", "p01", [PlanStep.Of("pick", "r2")]).Message);
    }

    [Fact]
    public void Tabletop_a_block_in_a_bin_is_out_of_play()
    {
        var plan = TestFiles.LoadPlan("tabletop-p01.plan").Append(PlanStep.Of("pick", "y1")).ToArray();

        Assert.Equal("step 5 (pick y1): precondition (clear y1) is false", Validate("tabletop", "p01", plan).Message);
    }

    [Fact]
    public void Factory_a_painted_part_cannot_get_a_first_coat_again()
    {
        var plan = TestFiles.LoadPlan("factory-p01.plan").Take(4).Append(PlanStep.Of("paint", "p1", "paint", "red")).ToArray();

        Assert.Equal(
            "step 5 (paint p1 paint red): precondition (forall (?other - color) (not (painted p1 ?other))) is false for ?other = green",
            Validate("factory", "p01", plan).Message);
    }

    [Fact]
    public void Factory_repainting_needs_a_different_colour()
    {
        var plan = new[] { PlanStep.Of("transfer", "p1", "inspect", "paint"), PlanStep.Of("repaint", "p1", "paint", "red", "red") };

        Assert.Equal(
            "step 2 (repaint p1 paint red red): precondition (not (= red red)) is false",
            Validate("factory", "p03", plan).Message);
    }

    [Fact]
    public void Factory_work_on_a_part_voids_its_inspection()
    {
        // p03's p1 starts inspected; repainting it without a new inspection misses the goal.
        var plan = TestFiles.LoadPlan("factory-p03.plan").Where(step => step.Action != "inspect").ToArray();

        Assert.Equal("goal (inspected p1) is false after the last step", Validate("factory", "p03", plan).Message);
    }

    [Fact]
    public void Factory_work_happens_only_at_a_station_with_that_role()
    {
        Assert.Equal(
            "step 1 (drill p1 input): precondition (drilling-station input) is false",
            Validate("factory", "p01", [PlanStep.Of("drill", "p1", "input")]).Message);
        Assert.Equal(
            "step 1 (convey p1 input paint): precondition (conveyor input paint) is false",
            Validate("factory", "p01", [PlanStep.Of("convey", "p1", "input", "paint")]).Message);
    }

    private static ValidationResult Validate(string domain, string problem, IReadOnlyList<PlanStep> plan)
    {
        var (parsedDomain, parsedProblem) = TestFiles.LoadTask(
            Path.Combine(TestFiles.Domains, domain, "domain.pddl"), Path.Combine(TestFiles.Domains, domain, problem + ".pddl"));
        return PlanValidator.Validate(parsedDomain, parsedProblem, plan);
    }
}
