using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Tests;

/// <summary>Finds the repository, the shared IPC benchmarks, and this project's plans and fixtures.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> s_repository = new(FindRepository);
    private static readonly Lazy<string> s_benchmarks = new(FindBenchmarks);

    public static string Repository => s_repository.Value;

    /// <summary>The IPC set: ../shared/benchmarks/ipc next to the repository, or where ROBOLAM_BENCHMARKS points.</summary>
    public static string Benchmarks => s_benchmarks.Value;

    public static string TestProject => Path.Combine(Repository, "tests", "RoboLam.Validation.Tests");

    public static string Domains => Path.Combine(Repository, "domains");

    /// <summary>Parses and checks a domain and problem; fails the test on any error.</summary>
    public static (Domain Domain, Problem Problem) LoadTask(string domainPath, string problemPath)
    {
        var (domain, problem, diagnostics) = LoadAndCheck(domainPath, problemPath);
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error).Select(error => error.ToString()));
        return (domain, problem);
    }

    /// <summary>Parses and checks a domain and problem, and returns every diagnostic (warnings too).</summary>
    public static (Domain Domain, Problem Problem, IReadOnlyList<Diagnostic> Diagnostics) LoadAndCheck(string domainPath, string problemPath)
    {
        var domain = PddlParser.LoadDomain(domainPath);
        var problem = PddlParser.LoadProblem(problemPath);
        var diagnostics = domain.Diagnostics.Concat(problem.Diagnostics).ToList();
        Assert.False(domain.HasErrors || problem.HasErrors, string.Join(Environment.NewLine, diagnostics));
        diagnostics.AddRange(PddlChecker.Check(domain.Value!, problem.Value!));
        return (domain.Value!, problem.Value!, diagnostics);
    }

    public static IReadOnlyList<PlanStep> LoadPlan(string planName)
    {
        var path = Path.Combine(TestProject, "Plans", planName);
        var result = PlanFile.Parse(File.ReadAllText(path), path);
        Assert.Empty(result.Errors.Select(error => error.ToString()));
        return result.Steps;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("RoboLam.sln was not found above the test binaries.");
    }

    private static string FindBenchmarks()
    {
        var configured = Environment.GetEnvironmentVariable("ROBOLAM_BENCHMARKS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(Repository); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "shared", "benchmarks", "ipc"), Path.Combine(directory.FullName, "benchmarks", "ipc") })
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "The IPC benchmarks were not found in any shared/benchmarks/ipc above the repository; set ROBOLAM_BENCHMARKS to that folder.");
    }
}
