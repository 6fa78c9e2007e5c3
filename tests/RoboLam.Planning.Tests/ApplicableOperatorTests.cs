using RoboLam.Planning.Successors;
using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Generators;

namespace RoboLam.Planning.Tests;

public sealed class ApplicableOperatorTests
{
    public static TheoryData<string> Domains => new() { "gripper", "blocks", "logistics" };

    [Theory]
    [MemberData(nameof(Domains))]
    public void Decision_tree_and_counters_agree_with_checking_every_operator(string domain)
    {
        var task = SearchTask.Create(domain switch
        {
            "gripper" => GripperGenerator.Create(6),
            "blocks" => BlocksGenerator.Create(7, seed: 2),
            _ => LogisticsGenerator.Create(3, 2, 5, seed: 4),
        });
        var transition = new StateTransition(task);
        var tree = new DecisionTreeOperatorFinder(task);
        var counters = new PreconditionCounterOperatorFinder(task);
        var random = new Random(9);
        var state = new ulong[task.WordCount];
        var next = new ulong[task.WordCount];
        transition.WriteInitialState(state);
        var fromTree = new List<int>();
        var fromCounters = new List<int>();
        for (var step = 0; step < 200; step++)
        {
            var expected = Enumerable.Range(0, task.OperatorCount).Where(op => transition.IsApplicable(state, op)).ToList();
            tree.Find(state, fromTree);
            counters.Find(state, fromCounters);
            Assert.Equal(expected, fromTree.Order());
            Assert.Equal(expected, fromCounters.Order());
            Assert.NotEmpty(expected);

            // Random walk to reach varied states.
            transition.Apply(state, expected[random.Next(expected.Count)], next);
            (state, next) = (next, state);
        }
    }

    [Fact]
    public void Operators_without_preconditions_are_always_applicable()
    {
        var task = SearchTask.Create(HandMadeTasksForFinders.Free());
        var found = new List<int>();
        new DecisionTreeOperatorFinder(task).Find(new ulong[task.WordCount], found);
        Assert.Equal([0], found);
        new PreconditionCounterOperatorFinder(task).Find(new ulong[task.WordCount], found);
        Assert.Equal([0], found);
    }

    private static class HandMadeTasksForFinders
    {
        public static GroundTask Free() => new Support.TaskBuilder().Goal("g").Operator("(free)", [], ["g"]).Operator("(gated)", ["g"], ["h"]).Build();
    }
}
