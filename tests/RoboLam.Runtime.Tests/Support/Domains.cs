using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>The project's tabletop and factory domains, read from domains/ in the repository.</summary>
internal static class Domains
{
    private static readonly Lazy<string> s_root = new(FindRepository);

    public static Domain TabletopDomain { get; } = LoadDomain("tabletop");

    public static Problem TabletopProblem { get; } = LoadProblem("tabletop", "p01");

    public static DomainModel Tabletop { get; } = DomainModel.Create(TabletopDomain);

    public static Domain FactoryDomain { get; } = LoadDomain("factory");

    public static Problem FactoryProblem { get; } = LoadProblem("factory", "p02");

    public static DomainModel Factory { get; } = DomainModel.Create(FactoryDomain);

    /// <summary>Tabletop p01's world: g1 on r2, y1 on b1, r1 alone on the table, two bins, the hand empty.</summary>
    public static WorldState TabletopWorld => WorldState.FromProblem(TabletopDomain, TabletopProblem);

    public static WorldState FactoryWorld => WorldState.FromProblem(FactoryDomain, FactoryProblem);

    /// <summary>Every tabletop action runs on the one arm.</summary>
    public static DeviceAssignments ArmOnly(TimeSpan? deadline = null) =>
        DeviceAssignments.AllTo("arm", deadline ?? TimeSpan.FromSeconds(10), Tabletop.ActionNames);

    public static string Repository => s_root.Value;

    public static Problem ParseProblem(string text)
    {
        var result = PddlParser.ParseProblem(text, "test-problem.pddl");
        Assert.Empty(result.Diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error).Select(diagnostic => diagnostic.ToString()));
        return result.Value!;
    }

    public static PlannedAction Action(string text) => PlannedAction.FromOperatorName(text);

    private static Domain LoadDomain(string name)
    {
        var result = PddlParser.LoadDomain(Path.Combine(Repository, "domains", name, "domain.pddl"));
        Assert.Empty(result.Diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error).Select(diagnostic => diagnostic.ToString()));
        return result.Value!;
    }

    private static Problem LoadProblem(string domain, string name)
    {
        var result = PddlParser.LoadProblem(Path.Combine(Repository, "domains", domain, name + ".pddl"));
        Assert.Empty(result.Diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error).Select(diagnostic => diagnostic.ToString()));
        return result.Value!;
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RoboLam.sln not found above " + AppContext.BaseDirectory);
    }
}
