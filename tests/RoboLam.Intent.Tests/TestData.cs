using RoboLam.Intent.Worlds;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Tests;

/// <summary>Paths and small worlds the tests share.</summary>
internal static class TestData
{
    private static readonly Dictionary<string, Domain> s_domains = [];

    /// <summary>The folder holding RoboLam.sln, found by walking up from the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>shared/nl beside the repository (../shared/nl from its root).</summary>
    public static string SharedNl
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "nl"));
            return Directory.Exists(path)
                ? path
                : throw new InvalidOperationException($"the example commands are missing: expected {path} (shared/nl beside the repository)");
        }
    }

    public static Domain Domain(string name)
    {
        lock (s_domains)
        {
            if (!s_domains.TryGetValue(name, out var domain))
            {
                var path = Path.Combine(RepositoryRoot, "domains", name, "domain.pddl");
                var result = PddlParser.LoadDomain(path);
                Assert.False(result.HasErrors, $"{path} does not parse: {string.Join("; ", result.Diagnostics)}");
                domain = result.Value!;
                s_domains[name] = domain;
            }

            return domain;
        }
    }

    /// <summary>Two stacks and a loose block: r1 alone; g1 on r2; y1 on b1; bins left (black) and right (white).</summary>
    public static World Tabletop() => WorldLoader.Parse("""
        { "domain": "tabletop",
          "objects": [
            {"name": "r1", "type": "block", "color": "red", "size": "small", "x": 0.10, "y": 0.2},
            {"name": "r2", "type": "block", "color": "red", "size": "large", "x": 0.25, "y": 0.2},
            {"name": "g1", "type": "block", "color": "green", "size": "small", "x": 0.25, "y": 0.2},
            {"name": "b1", "type": "block", "color": "blue", "size": "large", "x": 0.40, "y": 0.2},
            {"name": "y1", "type": "block", "color": "yellow", "size": "small", "x": 0.40, "y": 0.2},
            {"name": "binl", "type": "bin", "color": "black", "side": "left", "x": 0.05, "y": 0.45},
            {"name": "binr", "type": "bin", "color": "white", "side": "right", "x": 0.50, "y": 0.45}
          ],
          "init": ["(on-table r1)", "(on-table r2)", "(on g1 r2)", "(on-table b1)", "(on y1 b1)",
                   "(clear r1)", "(clear g1)", "(clear y1)", "(hand-empty)"] }
        """);

    /// <summary>One tall stack k3-k2-k1 and a loose k4; k5 already in the left box.</summary>
    public static World Tower() => WorldLoader.Parse("""
        { "domain": "tabletop",
          "objects": [
            {"name": "k1", "type": "block", "color": "blue", "size": "small", "x": 0.15},
            {"name": "k2", "type": "block", "color": "white", "size": "small", "x": 0.15},
            {"name": "k3", "type": "block", "color": "black", "size": "large", "x": 0.15},
            {"name": "k4", "type": "block", "color": "red", "size": "small", "x": 0.35},
            {"name": "k5", "type": "block", "color": "green", "size": "small"},
            {"name": "box1", "type": "bin", "color": "blue", "side": "left"},
            {"name": "box2", "type": "bin", "color": "red", "side": "right"}
          ],
          "init": ["(on-table k3)", "(on k2 k3)", "(on k1 k2)", "(on-table k4)", "(in k5 box1)",
                   "(clear k1)", "(clear k4)", "(hand-empty)"] }
        """);

    /// <summary>Parts 1-4 at the input, part 4 drilled; five stations by label; red, blue and green paint.</summary>
    public static World Factory(bool withDrillingStation = true) => WorldLoader.Parse($$"""
        { "domain": "factory",
          "objects": [
            {"name": "p1", "type": "part", "number": 1}, {"name": "p2", "type": "part", "number": 2},
            {"name": "p3", "type": "part", "number": 3}, {"name": "p4", "type": "part", "number": 4},
            {"name": "input", "type": "station", "label": "input"},
            {"name": "drill", "type": "station", "label": "{{(withDrillingStation ? "drilling" : "storage")}}"},
            {"name": "paint", "type": "station", "label": "painting"},
            {"name": "inspect", "type": "station", "label": "inspection"},
            {"name": "output", "type": "station", "label": "output"},
            {"name": "red", "type": "color"}, {"name": "blue", "type": "color"}, {"name": "green", "type": "color"}
          ],
          "init": ["(at p1 input)", "(at p2 input)", "(at p3 input)", "(at p4 input)", "(drilled p4)"] }
        """);

    public static IntentSession Session(World world) => new(world, Domain(world.DomainName));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RoboLam.sln not found above " + AppContext.BaseDirectory);
    }
}
