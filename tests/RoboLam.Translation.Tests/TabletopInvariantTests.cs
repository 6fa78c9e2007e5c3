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
