using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Heuristics.Landmarks;
using RoboLam.Planning.Search;

namespace RoboLam.Planning.Configuration;

/// <summary>
/// Builds heuristics by name. The expensive preprocessing (relaxed tasks per cost mode, the landmark graph) is
/// done once per planner call and shared; each search gets fresh heuristic instances because some keep per-state data.
/// </summary>
internal sealed class HeuristicFactory
{
    private static readonly Dictionary<string, OperatorCostMode> s_costModes = new(StringComparer.Ordinal)
    {
        ["task"] = OperatorCostMode.Task,
        ["one"] = OperatorCostMode.One,
        ["plusone"] = OperatorCostMode.PlusOne,
    };

    private readonly SearchSetup _setup;
    private readonly Dictionary<OperatorCostMode, RelaxedTask> _relaxedTasks = [];
    private LandmarkGraph? _landmarks;

    public HeuristicFactory(SearchSetup setup)
    {
        _setup = setup;
    }

    public Heuristic Create(ComponentExpression expression)
    {
        var arguments = new ComponentArguments(expression);
        Heuristic heuristic = expression.Name switch
        {
            "goalcount" => new GoalCountHeuristic(_setup.Task),
            "blind" => new BlindHeuristic(_setup.Task),
            "hadd" => new AdditiveHeuristic(Relaxed(ReadCostMode(arguments))),
            "hmax" => new MaxHeuristic(Relaxed(ReadCostMode(arguments))),
            "ff" => new FFHeuristic(Relaxed(ReadCostMode(arguments))),
            "lmcut" => new LandmarkCutHeuristic(Relaxed(OperatorCostMode.Task)),
            "lmcount" => CreateLandmarkCount(ReadCostMode(arguments)),
            _ => throw UnknownHeuristic(expression),
        };
        arguments.EnsureNothingElse(maximumPositional: 0);
        return heuristic;
    }

    public Heuristic CreateLandmarkCount(OperatorCostMode costMode) => new LandmarkCountHeuristic(_setup.Task, Landmarks(), costMode);

    public Heuristic CreateFF(OperatorCostMode costMode) => new FFHeuristic(Relaxed(costMode));

    public RelaxedTask Relaxed(OperatorCostMode costMode)
    {
        if (!_relaxedTasks.TryGetValue(costMode, out var relaxed))
        {
            relaxed = new RelaxedTask(_setup.Task, costMode);
            _relaxedTasks.Add(costMode, relaxed);
        }

        return relaxed;
    }

    public LandmarkGraph Landmarks()
    {
        if (_landmarks is null)
        {
            var initial = new ulong[_setup.Task.WordCount];
            _setup.Transition.WriteInitialState(initial);
            _landmarks = LandmarkFactory.Create(Relaxed(OperatorCostMode.One), initial, _setup.Budget.CancellationToken);
        }

        return _landmarks;
    }

    public static bool IsHeuristicName(string name) => ComponentCatalog.Heuristics.Any(info => info.Name == name);

    private static OperatorCostMode ReadCostMode(ComponentArguments arguments) =>
        arguments.ReadChoice("cost", OperatorCostMode.Task, s_costModes);

    private static ConfigurationException UnknownHeuristic(ComponentExpression expression)
    {
        var hint = ComponentCatalog.Searches.Any(info => info.Name == expression.Name)
            ? $"'{expression.Name}' is a search, not a heuristic"
            : $"unknown heuristic '{expression.Name}'";
        return new ConfigurationException($"{hint}; heuristics are: {ComponentCatalog.NamesOf(ComponentKind.Heuristic)}");
    }
}
