using RoboLam.Planning;
using RoboLam.Translation.Tests.Support;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Translation.Tests;

/// <summary>
/// A plan found on the translated task must be valid for the original PDDL, checked by the validator, which shares
/// no code with the translator: this catches translation errors that only show up when operators are executed.
/// </summary>
public sealed class PlanValidationTests
{
    [Theory]
    [InlineData("ipc/briefcaseworld/domain.pddl", "ipc/briefcaseworld/pfile3.pddl")]
    [InlineData("ipc/miconic-fulladl/domain.pddl", "ipc/miconic-fulladl/f3-0.pddl")]
    [InlineData("ipc/miconic-fulladl/domain.pddl", "ipc/miconic-fulladl/f6-0.pddl")]
    [InlineData("ipc/elevators-sat08-strips/domain.pddl", "ipc/elevators-sat08-strips/p01.pddl")]
    [InlineData("ipc/sokoban-opt08-strips/domain.pddl", "ipc/sokoban-opt08-strips/p01.pddl")]
    [InlineData("ipc/barman-opt11-strips/domain.pddl", "ipc/barman-opt11-strips/pfile01-001.pddl")]
    [InlineData("ipc/storage/domain.pddl", "ipc/storage/p10.pddl")]
    [InlineData("ipc/freecell/domain.pddl", "ipc/freecell/p01.pddl")]
    [InlineData("ipc/depot/domain.pddl", "ipc/depot/p01.pddl")]
    public void A_plan_found_on_the_translated_task_is_valid_for_the_pddl(string domainPath, string problemPath)
    {
        var (domain, problem) = Benchmarks.Load(domainPath, problemPath);
        var task = Translator.Translate(domain, problem).Task;

        var search = Planner.Solve(task, Planner.DefaultConfiguration, new SearchLimits(TimeSpan.FromSeconds(30)));

        Assert.True(search.IsSolved, $"search ended {search.Outcome}");
        var steps = search.Plan!.Select(op => ToStep(task.Operators[op].Name)).ToList();
        var validation = PlanValidator.Validate(domain, problem, steps);
        Assert.True(validation.IsValid, validation.Message);
        Assert.Equal(validation.Cost, search.Cost);
    }

    private static PlanStep ToStep(string name)
    {
        var words = name[1..^1].Split(' ');
        return new PlanStep(words[0], words[1..]);
    }
}
