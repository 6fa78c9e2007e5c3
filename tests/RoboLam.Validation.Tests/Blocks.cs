using RoboLam.Pddl.Ast;
using RoboLam.Validation.Plans;
using static RoboLam.Validation.Tests.Pddl;

namespace RoboLam.Validation.Tests;

/// <summary>A small arm-and-blocks domain built in code, shared by the semantic tests.</summary>
internal static class Blocks
{
    public static readonly Domain Domain = Domain(
        "block bin",
        [
            Predicate("on", "?x ?y - block"),
            Predicate("on-table", "?x - block"),
            Predicate("in", "?x - block ?b - bin"),
            Predicate("clear", "?x - block"),
            Predicate("holding", "?x - block"),
            Predicate("hand-empty"),
        ],
        [
            Action(
                "pick",
                "?b - block",
                And(Atom("clear", "?b"), Atom("on-table", "?b"), Atom("hand-empty")),
                Effects(Add("holding", "?b"), Delete("on-table", "?b"), Delete("clear", "?b"), Delete("hand-empty"))),
            Action(
                "unstack",
                "?b ?c - block",
                And(Atom("on", "?b", "?c"), Atom("clear", "?b"), Atom("hand-empty")),
                Effects(Add("holding", "?b"), Add("clear", "?c"), Delete("on", "?b", "?c"), Delete("clear", "?b"), Delete("hand-empty"))),
            Action(
                "place-on",
                "?b ?c - block",
                And(Atom("holding", "?b"), Atom("clear", "?c")),
                Effects(Add("on", "?b", "?c"), Add("clear", "?b"), Add("hand-empty"), Delete("holding", "?b"), Delete("clear", "?c"))),
            Action(
                "put-down",
                "?b - block",
                Atom("holding", "?b"),
                Effects(Add("on-table", "?b"), Add("clear", "?b"), Add("hand-empty"), Delete("holding", "?b"))),
            Action(
                "put-in",
                "?b - block ?bin - bin",
                Atom("holding", "?b"),
                Effects(Add("in", "?b", "?bin"), Add("hand-empty"), Delete("holding", "?b"))),
        ]);

    /// <summary>b3 on b1, b2 alone; a bin. Goal: b1 on b2.</summary>
    public static Problem Problem(Condition? goal = null, Condition? constraints = null) => Pddl.Problem(
        "b1 b2 b3 - block box - bin",
        [
            Fact("on-table", "b1"), Fact("on", "b3", "b1"), Fact("on-table", "b2"),
            Fact("clear", "b3"), Fact("clear", "b2"), Fact("hand-empty"),
        ],
        goal ?? Atom("on", "b1", "b2"),
        constraints: constraints);

    public static IReadOnlyList<PlanStep> SolvingPlan =>
    [
        PlanStep.Of("unstack", "b3", "b1"),
        PlanStep.Of("put-down", "b3"),
        PlanStep.Of("pick", "b1"),
        PlanStep.Of("place-on", "b1", "b2"),
    ];

    public static ValidationResult Validate(IReadOnlyList<PlanStep> plan, Problem? problem = null) =>
        PlanValidator.Validate(Domain, problem ?? Problem(), plan);
}
