using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Search;

namespace RoboLam.Planning.Configuration;

/// <summary>Turns a parsed configuration into a runnable search, checking names and options on the way.</summary>
internal static class SearchFactory
{
    public static IPlanSearch Create(ComponentExpression expression, SearchSetup setup)
    {
        var heuristics = new HeuristicFactory(setup);
        var arguments = new ComponentArguments(expression);
        switch (expression.Name)
        {
            case "lama":
                arguments.EnsureNothingElse(maximumPositional: 0);
                return CreateLama(setup, heuristics);
            case "anytime":
                arguments.EnsureNothingElse(maximumPositional: 0);
                return new AnytimeSearch(setup, heuristics);
            case "bfs":
                arguments.EnsureNothingElse(maximumPositional: 0);
                return new BreadthFirstSearch(setup);
            case "lazy-gbfs":
                return new LazySearch(setup, ReadBestFirst(arguments, heuristics, weight: 0, preferredByDefault: true, reopen: false));
            case "eager-gbfs":
                return new EagerSearch(setup, ReadBestFirst(arguments, heuristics, weight: 0, preferredByDefault: true, reopen: false));
            case "astar":
                {
                    var options = ReadBestFirst(arguments, heuristics, weight: 1, preferredByDefault: false, reopen: true, maximumHeuristics: 1);
                    return new EagerSearch(setup, options);
                }

            case "wastar":
                {
                    var weight = arguments.ReadInt("w", 2, minimum: 1);
                    return new EagerSearch(setup, ReadBestFirst(arguments, heuristics, weight, preferredByDefault: false, reopen: true));
                }

            case "lazy-wastar":
                {
                    var weight = arguments.ReadInt("w", 2, minimum: 1);
                    return new LazySearch(setup, ReadBestFirst(arguments, heuristics, weight, preferredByDefault: true, reopen: true));
                }

            default:
                throw UnknownSearch(expression);
        }
    }

    /// <summary>LAMA's first iteration: lazy greedy search, ff and lmcount on unit costs, preferred operators of both, boost 1000.</summary>
    public static LazySearch CreateLama(SearchSetup setup, HeuristicFactory heuristics) =>
        new(setup, new BestFirstOptions(
            [heuristics.CreateFF(OperatorCostMode.One), heuristics.CreateLandmarkCount(OperatorCostMode.One)],
            UsePreferred: true,
            Weight: 0,
            ReopenClosed: false));

    private static BestFirstOptions ReadBestFirst(
        ComponentArguments arguments,
        HeuristicFactory factory,
        int weight,
        bool preferredByDefault,
        bool reopen,
        int maximumHeuristics = int.MaxValue)
    {
        var usePreferred = arguments.ReadBool("preferred", preferredByDefault);
        var boost = arguments.ReadInt("boost", BestFirstOptions.DefaultBoost, minimum: 0);
        arguments.EnsureNothingElse(maximumHeuristics);
        if (arguments.Positional.Count == 0)
        {
            throw new ConfigurationException($"the search needs at least one heuristic, such as ff or lmcut; heuristics are: {ComponentCatalog.NamesOf(ComponentKind.Heuristic)}");
        }

        var heuristics = new List<Heuristic>();
        foreach (var expression in arguments.Positional)
        {
            heuristics.Add(factory.Create(expression));
        }

        return new BestFirstOptions(heuristics, usePreferred, weight, reopen, boost);
    }

    private static ConfigurationException UnknownSearch(ComponentExpression expression)
    {
        var hint = HeuristicFactory.IsHeuristicName(expression.Name)
            ? $"'{expression.Name}' is a heuristic; give it to a search, as in lazy-gbfs({expression.Name}) or astar({expression.Name})"
            : $"unknown search '{expression.Name}'";
        return new ConfigurationException($"{hint}; searches are: {ComponentCatalog.NamesOf(ComponentKind.Search)}");
    }
}
