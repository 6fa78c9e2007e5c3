using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Planning;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Translation.Tests;

/// <summary>The tabletop domain's invariant "never two blocks in the gripper", on the committed problems.</summary>
public sealed class TabletopInvariantTests
{
    private static readonly Lazy<string> s_tabletop = new(FindTabletop);

    [Theory]
    [InlineData("p01.pddl")]
    [InlineData("p02.pddl")]
    [InlineData("p03.pddl")]
    [InlineData("p04.pddl")]
    public void The_invariant_is_compiled_and_the_plan_found_under_it_is_valid(string problemFile)
    {
        var (domain, problem) = Load(problemFile);
        var task = Translator.Translate(domain, problem).Task;

        Assert.Single(task.ForbiddenFacts);
        var result = Planner.Solve(task, Planner.DefaultConfiguration, new SearchLimits(TimeSpan.FromSeconds(30)));
        Assert.True(result.IsSolved, $"search ended {result.Outcome}");
        var steps = result.Plan!.Select(op => task.Operators[op].Name[1..^1].Split(' ')).Select(words => new PlanStep(words[0], words[1..])).ToList();
        var validation = PlanValidator.Validate(domain, problem, steps);
        Assert.True(validation.IsValid, validation.Message);
    }

    [Fact]
    public void A_world_where_the_gripper_holds_two_blocks_is_unsolvable_naming_the_invariant()
    {
        var (domain, problem) = Load("p02.pddl");
        var blocks = problem.Objects.Where(typed => typed.Type.Alternatives.Contains("block")).Take(2).ToList();
        Assert.Equal(2, blocks.Count);
        var twoHeld = problem with
        {
            Init = [.. problem.Init, .. blocks.Select(block => (InitElement)new InitAtom(new Atom("holding", [new NameTerm(block.Name, SourceSpan.None)], SourceSpan.None), false, SourceSpan.None))],
        };

        var result = Translator.Translate(domain, twoHeld);

        var sentence = Assert.Single(result.UnreachableGoalExplanations);
        Assert.Contains("The initial state breaks the domain invariant (always ...) at ", sentence, StringComparison.Ordinal);
        Assert.Contains("domain.pddl(20,", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_invariant_beside_the_domain_invariant_is_kept_and_a_plan_under_both_is_valid()
    {
        var (domain, problem) = WithAtMostThreeHigh("p01.pddl");

        var result = Translator.Translate(domain, problem);

        Assert.Equal(2, result.Task.ForbiddenFacts.Length);
        Assert.True(result.Task.ForbiddenFacts[0] < result.Task.ForbiddenFacts[1]);
        var search = Planner.Solve(result.Task, Planner.DefaultConfiguration, new SearchLimits(TimeSpan.FromSeconds(30)));
        Assert.True(search.IsSolved, $"search ended {search.Outcome}");
        var steps = search.Plan!.Select(op => result.Task.Operators[op].Name[1..^1].Split(' ')).Select(words => new PlanStep(words[0], words[1..])).ToList();
        Assert.True(PlanValidator.Validate(domain, problem, steps).IsValid);
    }

    [Fact]
    public void A_goal_tower_of_four_is_unsolvable_under_a_problem_invariant_of_at_most_three_high()
    {
        var (domain, problem) = WithAtMostThreeHigh("p03.pddl"); // its goal stacks k3 on k2 on k1 on k4

        var task = Translator.Translate(domain, problem).Task;

        Assert.Equal(SearchOutcome.Unsolvable, Planner.Solve(task, Planner.DefaultConfiguration, new SearchLimits(TimeSpan.FromSeconds(30))).Outcome);
    }

    /// <summary>A committed problem with a robot file's kind of invariant added as its own constraint.</summary>
    private static (Domain Domain, Problem Problem) WithAtMostThreeHigh(string problemFile)
    {
        var (domain, problem) = Load(problemFile);
        var constraint = PddlParser.ParseProblem(
            "(define (problem c) (:domain tabletop) (:goal (and)) (:constraints (always (forall (?a ?b ?c ?d - block) (not (and (on ?a ?b) (on ?b ?c) (on ?c ?d)))))))",
            "robot.json").Value!;
        return (domain, problem with { Constraints = constraint.Constraints });
    }

    private static (Domain Domain, Problem Problem) Load(string problemFile)
    {
        var domain = PddlParser.LoadDomain(Path.Combine(s_tabletop.Value, "domain.pddl"));
        var problem = PddlParser.LoadProblem(Path.Combine(s_tabletop.Value, problemFile));
        Assert.False(domain.HasErrors, string.Join(Environment.NewLine, domain.Diagnostics));
        Assert.False(problem.HasErrors, string.Join(Environment.NewLine, problem.Diagnostics));
        return (domain.Value!, problem.Value!);
    }

    private static string FindTabletop()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "domains", "tabletop");
            if (File.Exists(Path.Combine(candidate, "domain.pddl")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("domains/tabletop not found above " + AppContext.BaseDirectory);
    }
}
