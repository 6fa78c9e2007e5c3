namespace RoboLam.Planning.Configuration;

/// <summary>Every search and heuristic name a configuration may use, with its syntax and a one-line description.</summary>
public static class ComponentCatalog
{
    public static IReadOnlyList<ComponentInfo> All { get; } =
    [
        new("lama", ComponentKind.Search, "lama", "default: lazy greedy search with ff and lmcount (unit costs), preferred operators and boosting; first plan fast"),
        new("anytime", ComponentKind.Search, "anytime", "lama's first plan, then lazy weighted A* with w = 5, 3, 2, 1, 1, ... pruned by the best cost, until the time limit"),
        new("lazy-gbfs", ComponentKind.Search, "lazy-gbfs(h, ..., preferred=true, boost=1000)", "lazy greedy best-first: one open list per heuristic plus preferred-operator lists, used in turn"),
        new("eager-gbfs", ComponentKind.Search, "eager-gbfs(h, ..., preferred=true, boost=1000)", "eager greedy best-first: successors evaluated when generated, alternating open lists"),
        new("astar", ComponentKind.Search, "astar(h)", "A*: optimal with an admissible heuristic (lmcut, hmax, blind), reopens states"),
        new("wastar", ComponentKind.Search, "wastar(h, ..., w=2, preferred=false)", "eager weighted A* ordering by g + w·h"),
        new("lazy-wastar", ComponentKind.Search, "lazy-wastar(h, ..., w=2, preferred=true)", "lazy weighted A* ordering by g + w·h with deferred evaluation"),
        new("bfs", ComponentKind.Search, "bfs()", "blind breadth-first search: fewest steps, ignores costs"),
        new("goalcount", ComponentKind.Heuristic, "goalcount", "number of goal facts not yet true"),
        new("blind", ComponentKind.Heuristic, "blind", "0 at goals, the cheapest operator cost elsewhere (admissible)"),
        new("hadd", ComponentKind.Heuristic, "hadd(cost=task|one|plusone)", "additive heuristic: sum of relaxed goal-fact costs"),
        new("hmax", ComponentKind.Heuristic, "hmax(cost=task|one|plusone)", "max heuristic: costliest relaxed goal fact (admissible)"),
        new("ff", ComponentKind.Heuristic, "ff(cost=task|one|plusone)", "FF heuristic: cost of a relaxed plan; its applicable operators are preferred"),
        new("lmcut", ComponentKind.Heuristic, "lmcut", "LM-cut: sum of disjunctive action landmark costs (admissible)"),
        new("lmcount", ComponentKind.Heuristic, "lmcount(cost=task|one|plusone)", "landmark count: landmarks not yet reached or required again; operators achieving them are preferred"),
    ];

    public static IEnumerable<ComponentInfo> Searches => All.Where(info => info.Kind == ComponentKind.Search);

    public static IEnumerable<ComponentInfo> Heuristics => All.Where(info => info.Kind == ComponentKind.Heuristic);

    internal static string NamesOf(ComponentKind kind) => string.Join(", ", All.Where(info => info.Kind == kind).Select(info => info.Name));
}
