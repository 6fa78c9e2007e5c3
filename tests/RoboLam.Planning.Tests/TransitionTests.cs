using RoboLam.Planning.States;
using RoboLam.Planning.Successors;
using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

public sealed class TransitionTests
{
    [Fact]
    public void Axioms_compute_the_transitive_closure_layer_by_layer()
    {
        var builder = new TaskBuilder().Initially("(conn a b)", "(conn b c)", "(conn c d)", "(start a)");
        builder.Axiom("(reach a)", ["(start a)"]);
        foreach (var (from, to) in new[] { ("a", "b"), ("b", "c"), ("c", "d") })
        {
            builder.Axiom($"(reach {to})", [$"(reach {from})", $"(conn {from} {to})"]);
        }

        builder.Axiom("(isolated e)", [], ["(reach e)"], layer: 1);
        builder.Axiom("(isolated d)", [], ["(reach d)"], layer: 1);
        var task = builder.Build();
        var state = InitialState(task, out _);
        Assert.True(Holds(task, state, builder, "(reach d)"));
        Assert.True(Holds(task, state, builder, "(isolated e)"));
        Assert.False(Holds(task, state, builder, "(isolated d)"));
    }

    [Fact]
    public void Derived_facts_are_recomputed_when_their_support_goes()
    {
        var builder = new TaskBuilder().Initially("p").Axiom("d", ["p"]).Operator("(drop)", ["p"], [], ["p"]);
        var task = builder.Build();
        var state = InitialState(task, out var transition);
        Assert.True(Holds(task, state, builder, "d"));
        var child = new ulong[state.Length];
        transition.Apply(state, 0, child);
        Assert.False(Holds(task, child, builder, "d"));
    }

    [Fact]
    public void Adds_win_over_deletes_of_the_same_fact_and_conditions_read_the_old_state()
    {
        var builder = new TaskBuilder().Initially("x", "on");
        builder.ConditionalOperator("(toggle)", [], [
            (["on"], "off", false), (["on"], "on", true),
            (["off"], "on", false), (["off"], "off", true),
            ([], "x", true), ([], "x", false),
        ]);
        var task = builder.Build();
        var state = InitialState(task, out var transition);
        var once = new ulong[state.Length];
        var twice = new ulong[state.Length];
        transition.Apply(state, 0, once);
        transition.Apply(once, 0, twice);
        Assert.True(Holds(task, once, builder, "off") && !Holds(task, once, builder, "on") && Holds(task, once, builder, "x"));
        Assert.True(Holds(task, twice, builder, "on") && !Holds(task, twice, builder, "off"));
    }

    [Fact]
    public void The_registry_stores_each_state_once_and_finds_it_again()
    {
        var registry = new StateRegistry(wordCount: 3, initialCapacity: 16);
        var random = new Random(5);
        var states = Enumerable.Range(0, 5000).Select(_ => new[] { (ulong)random.Next(100), (ulong)random.Next(3), 7UL }).ToList();
        var ids = states.Select(state => registry.Insert(state, out _)).ToList();
        var distinct = states.Select(state => (state[0], state[1])).Distinct().Count();
        Assert.Equal(distinct, registry.Count);
        for (var index = 0; index < states.Count; index++)
        {
            Assert.Equal(ids[index], registry.Find(states[index]));
            Assert.Equal(states[index], registry.Get(ids[index]).ToArray());
        }

        Assert.Equal(-1, registry.Find([1000UL, 0UL, 7UL]));
    }

    private static ulong[] InitialState(GroundTask task, out StateTransition transition)
    {
        transition = new StateTransition(SearchTask.Create(task));
        var state = new ulong[transition.Task.WordCount];
        transition.WriteInitialState(state);
        return state;
    }

    private static bool Holds(GroundTask task, ulong[] state, TaskBuilder builder, string fact) =>
        task.FactCount > 0 && PackedState.Contains(state, builder.Fact(fact));
}
