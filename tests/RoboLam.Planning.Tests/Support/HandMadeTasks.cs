using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Tests.Support;

/// <summary>Tiny tasks whose heuristic values are worked out by hand in the comments.</summary>
internal static class HandMadeTasks
{
    /// <summary>
    /// a→b→c and a→d, then c∧d→g; unit costs. h^max(g) = max(2, 1) + 1 = 3; h^add(g) = 2 + 1 + 1 = 4;
    /// the relaxed plan uses all four operators, so h^FF = 4 = h* = LM-cut (each operator is its own cut).
    /// </summary>
    public static GroundTask Chain() => new TaskBuilder()
        .Initially("a")
        .Goal("g")
        .Operator("(a-to-b)", ["a"], ["b"])
        .Operator("(b-to-c)", ["b"], ["c"])
        .Operator("(a-to-d)", ["a"], ["d"])
        .Operator("(finish)", ["c", "d"], ["g"])
        .Build();

    /// <summary>
    /// a→m, then m→g1 and m→g2. h^add counts m twice: 2 + 2 = 4; h^FF uses m's achiever once: 3; h^max = 2;
    /// LM-cut = 3; goal count = 2.
    /// </summary>
    public static GroundTask SharedSubgoal() => new TaskBuilder()
        .Initially("a")
        .Goal("g1", "g2")
        .Operator("(make-m)", ["a"], ["m"])
        .Operator("(m-to-g1)", ["m"], ["g1"])
        .Operator("(m-to-g2)", ["m"], ["g2"])
        .Build();

    /// <summary>
    /// With action costs: a→g directly costs 5, a→m→g costs 1 + 1. Every relaxation heuristic gives 2 = h*;
    /// LM-cut finds the cuts {direct, m→g} then {direct, a→m}, each of cost 1.
    /// </summary>
    public static GroundTask Detour() => new TaskBuilder()
        .Initially("a")
        .Goal("g")
        .Operator("(direct)", ["a"], ["g"], cost: 5)
        .Operator("(a-to-m)", ["a"], ["m"], cost: 1)
        .Operator("(m-to-g)", ["m"], ["g"], cost: 1)
        .Build(hasActionCosts: true);

    /// <summary>
    /// A door opens when pushed only if unlocked before (a conditional effect). h* = 2 (unlock, push); LM-cut = 2,
    /// h^max = 1 (the conditional effect needs "push applied" and "unlocked", each of cost 1).
    /// </summary>
    public static GroundTask Door() => new TaskBuilder()
        .Goal("(open)")
        .Operator("(unlock)", [], ["(unlocked)"])
        .ConditionalOperator("(push)", [], [(["(unlocked)"], "(open)", false)])
        .Build();

    /// <summary>One-way choices: from a either b or c, never both, yet both are goals. Relaxed-solvable, really unsolvable.</summary>
    public static GroundTask ForkedDeadEnd() => new TaskBuilder()
        .Initially("a")
        .Goal("b", "c")
        .Operator("(a-to-b)", ["a"], ["b"], ["a"])
        .Operator("(a-to-c)", ["a"], ["c"], ["a"])
        .Build();

    /// <summary>The goal needs a fact no operator adds.</summary>
    public static GroundTask UnreachableGoal() => new TaskBuilder()
        .Initially("a")
        .Goal("b", "never")
        .Operator("(a-to-b)", ["a"], ["b"])
        .Build();
}
