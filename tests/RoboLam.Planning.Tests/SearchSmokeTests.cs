using RoboLam.Planning.Tests.Generators;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

public sealed class SearchSmokeTests
{
    [Theory]
    [InlineData("lama")]
    [InlineData("astar(lmcut)")]
    [InlineData("bfs()")]
    [InlineData("eager-gbfs(ff)")]
    public void Every_configuration_solves_gripper_with_four_balls(string configuration)
    {
        var task = GripperGenerator.Create(4);
        var result = Planner.Solve(task, configuration, new SearchLimits(TimeSpan.FromSeconds(30)));
        Assert.Equal(SearchOutcome.Solved, result.Outcome);
        PlanChecker.AssertValid(task, result.Plan);
    }
}
