using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Heuristics.Landmarks;
using RoboLam.Planning.Search;
using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Generators;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

public sealed class LandmarkTests
{
    [Fact]
    public void Chain_landmarks_are_its_facts_with_natural_orderings_along_the_chain()
    {
        var (graph, names) = Landmarks(HandMadeTasks.Chain());
        Assert.Equal(["a", "b", "c", "d", "g"], Describe(graph, names).Order());
        var g = Index(graph, names, "g");
        var predecessors = Range(graph.NaturalPredecessorStart, graph.NaturalPredecessors, g).Select(landmark => Describe(graph, names)[landmark]).Order();
        Assert.Equal(["a", "b", "c", "d"], predecessors);
    }

    [Fact]
    public void Gripper_has_one_disjunctive_landmark_per_ball_for_the_two_hands()
    {
        var (graph, names) = Landmarks(GripperGenerator.Create(2));
        var described = Describe(graph, names);
        Assert.Contains("(carry ball1 left)|(carry ball1 right)", described);
        Assert.Contains("(carry ball2 left)|(carry ball2 right)", described);
        Assert.Contains("(at-robby b)", described);
    }

    [Fact]
    public void Being_in_room_a_is_greedy_necessary_before_picking_so_leaving_early_is_no_progress()
    {
        var (graph, names) = Landmarks(GripperGenerator.Create(2));
        var roomA = Index(graph, names, "(at-robby a)");
        var successors = Range(graph.GreedyNecessarySuccessorStart, graph.GreedyNecessarySuccessors, roomA).Select(landmark => Describe(graph, names)[landmark]);
        Assert.Contains("(carry ball1 left)|(carry ball1 right)", successors);

        // Initially: two goals, room b and two carry disjunctions are still to be reached.
        var task = GripperGenerator.Create(2);
        Assert.Equal(5, LandmarkCountAfter(task, []));
        Assert.Equal(4, LandmarkCountAfter(task, ["(pick ball1 a left)"]));

        // Moving first reaches room b but makes room a required again.
        Assert.Equal(5, LandmarkCountAfter(task, ["(move a b)"]));
    }

    [Theory]
    [InlineData("(carry ball1 left)", "carry")]
    [InlineData("(handempty)", "handempty")]
    [InlineData("(not (clear b1))", "not clear")]
    [InlineData("(not (handempty))", "not handempty")]
    public void Predicates_are_read_from_fact_names(string name, string predicate)
    {
        Assert.Equal(predicate, LandmarkFactory.PredicateOf(name));
    }

    private static int LandmarkCountAfter(GroundTask task, string[] steps)
    {
        var setup = new SearchSetup(SearchTask.Create(task), new SearchBudget(SearchLimits.Unlimited, CancellationToken.None));
        var heuristic = new LandmarkCountHeuristic(setup.Task, LandmarkFactory.Create(new RelaxedTask(setup.Task, OperatorCostMode.One), Initial(setup)), OperatorCostMode.One);
        var context = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
        setup.Transition.WriteInitialState(context.State);
        heuristic.OnInitialState(0, context.State);
        var id = 0;
        foreach (var step in steps)
        {
            var op = task.Operators.Select((candidate, index) => (candidate, index)).Single(pair => pair.candidate.Name == step).index;
            var child = new ulong[context.State.Length];
            setup.Transition.Apply(context.State, op, child);
            heuristic.OnTransition(id, op, id + 1, child);
            child.CopyTo(context.State, 0);
            id++;
        }

        context.Reset(id);
        return heuristic.Evaluate(context);
    }

    private static (LandmarkGraph Graph, IReadOnlyList<string> Names) Landmarks(GroundTask task)
    {
        var setup = new SearchSetup(SearchTask.Create(task), new SearchBudget(SearchLimits.Unlimited, CancellationToken.None));
        return (LandmarkFactory.Create(new RelaxedTask(setup.Task, OperatorCostMode.One), Initial(setup)), task.FactNames);
    }

    private static ulong[] Initial(SearchSetup setup)
    {
        var state = new ulong[setup.Task.WordCount];
        setup.Transition.WriteInitialState(state);
        return state;
    }

    private static List<string> Describe(LandmarkGraph graph, IReadOnlyList<string> names) =>
        Enumerable.Range(0, graph.Count).Select(landmark => string.Join('|', Range(graph.FactStart, graph.Facts, landmark).Select(fact => names[fact]))).ToList();

    private static int Index(LandmarkGraph graph, IReadOnlyList<string> names, string description) => Describe(graph, names).IndexOf(description);

    private static IEnumerable<int> Range(int[] start, int[] items, int index) => items.Skip(start[index]).Take(start[index + 1] - start[index]);
}
