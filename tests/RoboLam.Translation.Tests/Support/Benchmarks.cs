using RoboLam.Pddl;
using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Tests.Support;

/// <summary>The shared IPC benchmark set (<c>shared/benchmarks</c>, next to or above the repository).</summary>
internal static class Benchmarks
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>The domain and problem paths of problems.txt, relative to <see cref="Root"/>.</summary>
    public static IEnumerable<(string Domain, string Problem)> Pairs() =>
        File.ReadAllLines(Path.Combine(Root, "problems.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (parts[0], parts[1]));

    public static (Domain Domain, Problem Problem) Load(string domainPath, string problemPath)
    {
        var domain = PddlParser.LoadDomain(Path.Combine(Root, domainPath));
        var problem = PddlParser.LoadProblem(Path.Combine(Root, problemPath));
        Assert.False(domain.HasErrors, string.Join(Environment.NewLine, domain.Diagnostics));
        Assert.False(problem.HasErrors, string.Join(Environment.NewLine, problem.Diagnostics));
        return (domain.Value!, problem.Value!);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "benchmarks");
            if (File.Exists(Path.Combine(candidate, "problems.txt")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"shared/benchmarks/problems.txt was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
