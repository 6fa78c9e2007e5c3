using RoboLam.Planning.Configuration;
using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Search;
using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Generators;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests;

/// <summary>
/// LM-cut against exact costs: along an optimal plan (found by blind A*) every state's estimate lies between h^max
/// (which LM-cut dominates) and the cost of the rest of the plan (optimal from there), on generated tasks with and
/// without action costs and on a task with zero-cost operators; and the reused working arrays leave no trace
/// between evaluations.
/// </summary>
public sealed class LandmarkCutTests
{
    public static TheoryData<string> Tasks => new()
    {
        "blocks-5-1", "blocks-5-2", "blocks-6-3", "blocks-6-4", "gripper-3", "logistics-costs-11", "logistics-costs-12",
        "logistics-13", "elevator",
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Estimates_along_an_optimal_plan_lie_between_hmax_and_the_remaining_optimal_cost(string name)
    {
        var task = Create(name);
        var optimal = Planner.Solve(task, "astar(blind)", new SearchLimits(TimeSpan.FromMinutes(2)));
        Assert.Equal(SearchOutcome.Solved, optimal.Outcome);
        var plan = optimal.Plan!;
        var states = StatesAlong(task, plan);
        var lmcut = new Evaluator(task, "lmcut");
        var hmax = new Evaluator(task, "hmax");
        var remaining = optimal.Cost;
        for (var step = 0; step < states.Count; step++)
        {
            var estimate = lmcut.Evaluate(states[step]);
            Assert.InRange(estimate, hmax.Evaluate(states[step]), remaining);
            if (step < plan.Count)
            {
                remaining -= Planner.PlanCost(task, [plan[step]]);
            }
        }

        Assert.Equal(0, lmcut.Evaluate(states[^1]));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void A_state_gets_the_same_estimate_whatever_was_evaluated_before(string name)
    {
        var task = Create(name);
        var plan = Planner.Solve(task, "lama", new SearchLimits(TimeSpan.FromMinutes(1))).Plan!;
        var states = StatesAlong(task, plan);
        var forward = new Evaluator(task, "lmcut");
        var backward = new Evaluator(task, "lmcut");
        var inOrder = states.Select(forward.Evaluate).ToArray();
        var inReverse = Enumerable.Reverse(states).Select(backward.Evaluate).Reverse().ToArray();
        Assert.Equal(inOrder, inReverse);
        Assert.True(inOrder[0] > 0);
    }

    [Fact]
    public void Zero_cost_boarding_keeps_the_estimate_at_the_optimum_of_the_elevator_task()
    {
        // Two moves of the lift (cost 1 each); boarding and leaving are free. h^max is 2 as well.
        Assert.Equal(2, new Evaluator(Create("elevator"), "lmcut").Evaluate(null));
    }

    [Fact]
    public void Astar_with_lmcut_finds_the_optimum_with_zero_cost_operators()
    {
        var task = Create("elevator-two-passengers");
        var blind = Planner.Solve(task, "astar(blind)", new SearchLimits(TimeSpan.FromMinutes(1)));
        var lmcut = Planner.Solve(task, "astar(lmcut)", new SearchLimits(TimeSpan.FromMinutes(1)));
        Assert.Equal(blind.Cost, lmcut.Cost);
        PlanChecker.AssertValid(task, lmcut.Plan);
        Assert.True(lmcut.Statistics.Expanded < blind.Statistics.Expanded);
    }

    private static GroundTask Create(string name) => name switch
    {
        "gripper-3" => GripperGenerator.Create(3),
        "elevator" => Elevator(floors: 3, lift: 0, passengers: [(1, 2)]),
        "elevator-two-passengers" => Elevator(floors: 4, lift: 0, passengers: [(3, 1), (1, 2)]),
        _ when name.StartsWith("blocks-", StringComparison.Ordinal) =>
            BlocksGenerator.Create(int.Parse(name.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture), Seed(name)),
        _ when name.StartsWith("logistics-costs-", StringComparison.Ordinal) => LogisticsGenerator.Create(2, 1, 3, Seed(name), withCosts: true),
        _ => LogisticsGenerator.Create(2, 1, 2, Seed(name)),
    };

    private static int Seed(string name) => int.Parse(name[(name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One lift moving between adjacent floors at cost 1; passengers board and leave at no cost (as in IPC elevators).</summary>
    private static GroundTask Elevator(int floors, int lift, (int From, int To)[] passengers)
    {
        var builder = new TaskBuilder().Initially($"(lift-at f{lift})");
        for (var floor = 0; floor + 1 < floors; floor++)
        {
            builder.Operator($"(up f{floor} f{floor + 1})", [$"(lift-at f{floor})"], [$"(lift-at f{floor + 1})"], [$"(lift-at f{floor})"]);
            builder.Operator($"(down f{floor + 1} f{floor})", [$"(lift-at f{floor + 1})"], [$"(lift-at f{floor})"], [$"(lift-at f{floor + 1})"]);
        }

        for (var passenger = 0; passenger < passengers.Length; passenger++)
        {
            var (from, to) = passengers[passenger];
            builder.Initially($"(at p{passenger} f{from})").Goal($"(at p{passenger} f{to})");
            for (var floor = 0; floor < floors; floor++)
            {
                builder.Operator($"(board p{passenger} f{floor})", [$"(lift-at f{floor})", $"(at p{passenger} f{floor})"], [$"(boarded p{passenger})"], [$"(at p{passenger} f{floor})"], cost: 0);
                builder.Operator($"(leave p{passenger} f{floor})", [$"(lift-at f{floor})", $"(boarded p{passenger})"], [$"(at p{passenger} f{floor})"], [$"(boarded p{passenger})"], cost: 0);
            }
        }

        return builder.Build(hasActionCosts: true);
    }

    private static List<ulong[]> StatesAlong(GroundTask task, IReadOnlyList<int> plan)
    {
        var transition = new Successors.StateTransition(SearchTask.Create(task));
        var state = new ulong[transition.Task.WordCount];
        transition.WriteInitialState(state);
        var states = new List<ulong[]> { state };
        foreach (var op in plan)
        {
            var next = new ulong[state.Length];
            transition.Apply(state, op, next);
            states.Add(next);
            state = next;
        }

        return states;
    }

    /// <summary>A heuristic of the task with its own evaluation context; a null state means the initial state.</summary>
    private sealed class Evaluator
    {
        private readonly Heuristic _heuristic;
        private readonly EvaluationContext _context;
        private readonly ulong[] _initial;

        public Evaluator(GroundTask task, string heuristic)
        {
            var setup = new SearchSetup(SearchTask.Create(task), new SearchBudget(SearchLimits.Unlimited, CancellationToken.None));
            _heuristic = new HeuristicFactory(setup).Create(ConfigurationParser.Parse(heuristic));
            _context = new EvaluationContext(setup.Task.WordCount, setup.Task.OperatorCount, setup.Finder);
            _initial = new ulong[setup.Task.WordCount];
            setup.Transition.WriteInitialState(_initial);
        }

        public int Evaluate(ulong[]? state)
        {
            (state ?? _initial).CopyTo(_context.State, 0);
            _context.Reset(0);
            return _heuristic.Evaluate(_context);
        }
    }
}
