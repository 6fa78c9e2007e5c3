using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Planning;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Translation.Tests;

/// <summary>
/// PDDL3 <c>(always φ)</c> invariants: compiled into forbidden derived facts that every search prunes on. The
/// carrying domain is built so that the unconstrained optimum (pick both blocks, one trip, cost 5) breaks
/// "never two blocks in the gripper", while the constrained optimum takes two trips (cost 7).
/// </summary>
public sealed class InvariantTests
{
    private const string OneBlockInHand =
        "(:constraints (always (forall (?a ?b - block) (imply (and (holding ?a) (holding ?b)) (= ?a ?b)))))";

    private const string Problem = """
        (define (problem two) (:domain carry)
          (:objects a b - block table box - place)
          (:init (at-robot table) (on a table) (on b table))
          (:goal (and (on a box) (on b box))))
        """;

    private static string CarryDomain(string constraints) => $"""
        (define (domain carry)
          (:requirements :strips :typing :equality :constraints)
          (:types block place)
          (:predicates (at-robot ?p - place) (on ?b - block ?p - place) (holding ?b - block))
          {constraints}
          (:action pick :parameters (?b - block ?p - place)
            :precondition (and (at-robot ?p) (on ?b ?p))
            :effect (and (holding ?b) (not (on ?b ?p))))
          (:action drop :parameters (?b - block ?p - place)
            :precondition (and (at-robot ?p) (holding ?b))
            :effect (and (on ?b ?p) (not (holding ?b))))
          (:action move :parameters (?from ?to - place)
            :precondition (at-robot ?from)
            :effect (and (at-robot ?to) (not (at-robot ?from)))))
        """;

    public static TheoryData<string> Searches() =>
    [
        "lama",
        "anytime",
        "lazy-gbfs(ff, lmcount)",
        "eager-gbfs(ff)",
        "eager-gbfs(goalcount, preferred=false)",
        "astar(lmcut)",
        "astar(hmax)",
        "wastar(ff, w=3)",
        "lazy-wastar(hadd, w=2)",
        "bfs()",
    ];

    [Fact]
    public void An_always_constraint_becomes_one_forbidden_derived_fact()
    {
        var task = Translate(CarryDomain(OneBlockInHand), Problem).Task;

        var forbidden = Assert.Single(task.ForbiddenFacts);
        Assert.Contains(forbidden, task.DerivedFacts);
        Assert.Contains(task.Axioms, axiom => axiom.Head == forbidden);
        Assert.StartsWith("(@always", task.FactNames[forbidden], StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_without_constraints_has_no_forbidden_facts()
    {
        Assert.Empty(Translate(CarryDomain(""), Problem).Task.ForbiddenFacts);
    }

    [Fact]
    public void Without_the_invariant_the_optimum_carries_both_blocks_at_once()
    {
        var (domain, problem) = Parse(CarryDomain(""), Problem);

        var result = Solve(domain, problem, "astar(lmcut)");

        Assert.Equal(5, result.Cost);
        var validation = PlanValidator.Validate(Parse(CarryDomain(OneBlockInHand), Problem).Domain, problem, Steps(domain, problem, result));
        Assert.False(validation.IsValid);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void Every_search_returns_a_plan_the_validator_accepts_under_the_invariant(string configuration)
    {
        var (domain, problem) = Parse(CarryDomain(OneBlockInHand), Problem);

        var result = Solve(domain, problem, configuration);

        var validation = PlanValidator.Validate(domain, problem, Steps(domain, problem, result));
        Assert.True(validation.IsValid, validation.Message);
        Assert.True(result.Cost >= 7, $"cost {result.Cost} is below the constrained optimum");
    }

    [Theory]
    [InlineData("astar(lmcut)")]
    [InlineData("astar(blind)")]
    [InlineData("bfs()")]
    public void Optimal_searches_return_the_constrained_optimum(string configuration)
    {
        var (domain, problem) = Parse(CarryDomain(OneBlockInHand), Problem);

        Assert.Equal(7, Solve(domain, problem, configuration).Cost);
    }

    [Fact]
    public void The_validator_rejects_a_plan_that_picks_the_second_block_naming_step_and_constraint()
    {
        var (domain, problem) = Parse(CarryDomain(OneBlockInHand), Problem);
        PlanStep[] plan =
        [
            PlanStep.Of("pick", "a", "table"), PlanStep.Of("pick", "b", "table"), PlanStep.Of("move", "table", "box"),
            PlanStep.Of("drop", "a", "box"), PlanStep.Of("drop", "b", "box"),
        ];

        var validation = PlanValidator.Validate(domain, problem, plan);

        Assert.False(validation.IsValid);
        Assert.Equal(2, validation.FailedStep);
        Assert.Contains("step 2 (pick b table)", validation.Message, StringComparison.Ordinal);
        Assert.Contains("(always", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_initial_state_that_breaks_the_invariant_is_unsolvable_with_the_invariant_named()
    {
        var problem = Problem.Replace("(on a table) (on b table)", "(holding a) (holding b)", StringComparison.Ordinal);
        var result = Translate(CarryDomain(OneBlockInHand), problem);

        Assert.False(result.GoalIsRelaxedReachable);
        var sentence = Assert.Single(result.UnreachableGoalExplanations);
        Assert.Contains("initial state breaks the domain invariant (always ...) at domain.pddl(5,", sentence, StringComparison.Ordinal);
        var search = Planner.Solve(result.Task, "astar(lmcut)", new SearchLimits(TimeSpan.FromSeconds(30)));
        Assert.Equal(SearchOutcome.Unsolvable, search.Outcome);
    }

    [Fact]
    public void A_forall_around_always_in_the_problem_constrains_each_instance()
    {
        // ∀x always (x = a → ¬holding x): block a may never be held, so only b can reach the box.
        const string problem = """
            (define (problem only-b) (:domain carry)
              (:objects a b - block table box - place)
              (:init (at-robot table) (on a table) (on b table))
              (:constraints (forall (?x - block) (always (imply (= ?x a) (not (holding ?x))))))
              (:goal (and (on b box))))
            """;
        var (domain, parsed) = Parse(CarryDomain(""), problem);

        Assert.Single(Translator.Translate(domain, parsed).Task.ForbiddenFacts);
        var plan = Solve(domain, parsed, "astar(lmcut)");
        Assert.Equal(3, plan.Cost);
        var withA = parsed with { Goal = Parse(CarryDomain(""), Problem).Problem.Goal };
        var search = Planner.Solve(Translator.Translate(domain, withA).Task, "astar(lmcut)", new SearchLimits(TimeSpan.FromSeconds(30)));
        Assert.Equal(SearchOutcome.Unsolvable, search.Outcome);
    }

    [Theory]
    [InlineData("(:constraints (sometime (holding a)))", "constraint (sometime ...)")]
    [InlineData("(:constraints (and (always (on a table)) (at-most-once (holding a))))", "constraint (at-most-once ...)")]
    [InlineData("(:constraints (within 3 (holding a)))", "constraint (within ...)")]
    [InlineData("(:constraints (preference p1 (always (holding a))))", "preference (preference ...)")]
    public void Other_constraint_kinds_are_refused_naming_the_construct_and_the_place(string constraints, string construct)
    {
        var problem = Problem.Replace("(:goal", constraints + " (:goal", StringComparison.Ordinal);

        var error = Assert.Throws<TranslationException>(() => Translate(CarryDomain(""), problem));

        Assert.Contains(construct, error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("problem.pddl(4,", error.Message, StringComparison.Ordinal);
    }

    private static (Domain Domain, Problem Problem) Parse(string domainText, string problemText)
    {
        var domain = PddlParser.ParseDomain(domainText, "domain.pddl");
        var problem = PddlParser.ParseProblem(problemText, "problem.pddl");
        Assert.True(domain.Value is not null, string.Join(" ", domain.Diagnostics));
        Assert.True(problem.Value is not null, string.Join(" ", problem.Diagnostics));
        return (domain.Value!, problem.Value!);
    }

    private static TranslationResult Translate(string domainText, string problemText)
    {
        var (domain, problem) = Parse(domainText, problemText);
        return Translator.Translate(domain, problem);
    }

    private static SearchResult Solve(Domain domain, Problem problem, string configuration)
    {
        var task = Translator.Translate(domain, problem).Task;
        var result = Planner.Solve(task, configuration, new SearchLimits(TimeSpan.FromSeconds(5)));
        Assert.True(result.IsSolved, $"{configuration} ended {result.Outcome}");
        return result;
    }

    private static List<PlanStep> Steps(Domain domain, Problem problem, SearchResult result)
    {
        var task = Translator.Translate(domain, problem).Task;
        return result.Plan!.Select(op => task.Operators[op].Name[1..^1].Split(' ')).Select(words => new PlanStep(words[0], words[1..])).ToList();
    }
}
