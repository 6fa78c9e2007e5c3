using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

/// <summary>
/// Forbidden facts (compiled <c>always</c> invariants): a derived "two blocks held" fact is forbidden, so the
/// one-trip optimum (cost 5) is out and every search must carry the blocks one at a time (optimum 7).
/// </summary>
public sealed class ForbiddenFactTests
{
    private static readonly SearchLimits s_limits = new(TimeSpan.FromSeconds(30));

    public static TheoryData<string> AllSearches =>
    [
        "lama",
        "anytime",
        "lazy-gbfs(ff)",
        "lazy-gbfs(ff, lmcount)",
        "eager-gbfs(ff)",
        "eager-gbfs(goalcount, preferred=false)",
        "astar(lmcut)",
        "astar(hmax)",
        "astar(blind)",
        "wastar(ff, w=3)",
        "lazy-wastar(ff, lmcount, w=2)",
        "bfs()",
    ];

    private static GroundTask Carry(bool forbidBothHeld, bool startHoldingBoth = false)
    {
        var builder = new TaskBuilder()
            .Initially(startHoldingBoth ? ["at table", "hold a", "hold b"] : ["at table", "a on table", "b on table"])
            .Goal("a on box", "b on box")
            .Operator("move table box", ["at table"], ["at box"], ["at table"])
            .Operator("move box table", ["at box"], ["at table"], ["at box"])
            .Axiom("both held", ["hold a", "hold b"]);
        foreach (var block in new[] { "a", "b" })
        {
            foreach (var place in new[] { "table", "box" })
            {
                builder.Operator($"pick {block} {place}", [$"at {place}", $"{block} on {place}"], [$"hold {block}"], [$"{block} on {place}"]);
                builder.Operator($"drop {block} {place}", [$"at {place}", $"hold {block}"], [$"{block} on {place}"], [$"hold {block}"]);
            }
        }

        if (forbidBothHeld)
        {
            builder.Forbidden("both held");
        }

        return builder.Build();
    }

    [Fact]
    public void Without_the_forbidden_fact_the_optimum_holds_both_blocks()
    {
        var task = Carry(forbidBothHeld: false);
        var result = Planner.Solve(task, "astar(lmcut)", s_limits);

        Assert.Equal(5, result.Cost);
        Assert.True(EverHoldsBoth(task, result.Plan!));
    }

    [Theory]
    [MemberData(nameof(AllSearches))]
    public void No_search_returns_a_plan_through_a_forbidden_state(string configuration)
    {
        var task = Carry(forbidBothHeld: true);
        var result = Planner.Solve(task, configuration, s_limits);

        Assert.Equal(SearchOutcome.Solved, result.Outcome);
        PlanChecker.AssertValid(task, result.Plan);
        Assert.False(EverHoldsBoth(task, result.Plan!));
        Assert.True(result.Cost >= 7);
    }

    [Theory]
    [InlineData("astar(lmcut)")]
    [InlineData("astar(hmax)")]
    [InlineData("astar(blind)")]
    [InlineData("bfs()")]
    public void Optimal_searches_return_the_constrained_optimum(string configuration)
    {
        Assert.Equal(7, Planner.Solve(Carry(forbidBothHeld: true), configuration, s_limits).Cost);
    }

    [Theory]
    [MemberData(nameof(AllSearches))]
    public void A_forbidden_initial_state_is_unsolvable(string configuration)
    {
        var task = Carry(forbidBothHeld: true, startHoldingBoth: true);

        Assert.Equal(SearchOutcome.Unsolvable, Planner.Solve(task, configuration, s_limits).Outcome);
        Assert.Equal(task.ForbiddenFacts, Planner.ForbiddenFactsInInitialState(task));
    }

    [Fact]
    public void An_initial_state_without_forbidden_facts_reports_none()
    {
        Assert.Empty(Planner.ForbiddenFactsInInitialState(Carry(forbidBothHeld: true)));
    }

    /// <summary>Replays the plan and says whether some state along it holds both blocks.</summary>
    private static bool EverHoldsBoth(GroundTask task, IReadOnlyList<int> plan)
    {
        var names = task.FactNames.ToList();
        var state = task.InitialState.ToHashSet();
        var holdA = names.IndexOf("hold a");
        var holdB = names.IndexOf("hold b");
        foreach (var op in plan)
        {
            foreach (var effect in task.Operators[op].Effects.Where(effect => effect.IsDelete))
            {
                state.Remove(effect.Fact);
            }

            foreach (var effect in task.Operators[op].Effects.Where(effect => !effect.IsDelete))
            {
                state.Add(effect.Fact);
            }

            if (state.Contains(holdA) && state.Contains(holdB))
            {
                return true;
            }
        }

        return false;
    }
}
