namespace RoboLam.Pddl.Tests;

/// <summary>
/// The shared IPC benchmark set: found next to the repository (../shared/benchmarks/ipc, or shared/ inside it),
/// or where ROBOLAM_BENCHMARKS points.
/// </summary>
internal static class BenchmarkCorpus
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>Every PDDL file; a file is a domain when its name says so (domain.pddl, orig-domain.pddl).</summary>
    public static IReadOnlyList<string> AllFiles =>
        Directory.EnumerateFiles(Root, "*.pddl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static bool IsDomain(string path) => Path.GetFileName(path).Contains("domain", StringComparison.OrdinalIgnoreCase);

    /// <summary>The domain a problem belongs to: the one in its folder.</summary>
    public static string DomainOf(string problemPath)
    {
        var folder = Path.GetDirectoryName(problemPath)!;
        return Path.Combine(folder, "domain.pddl");
    }

    /// <summary>The largest files, for the mutation test and the benchmarks.</summary>
    public static IReadOnlyList<string> Largest(int count) =>
        AllFiles.OrderByDescending(path => new FileInfo(path).Length).Take(count).ToList();

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("ROBOLAM_BENCHMARKS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"ROBOLAM_BENCHMARKS points to '{configured}', which does not exist.");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
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
            "The IPC benchmark set was not found in any shared/benchmarks/ipc above the test binaries; set ROBOLAM_BENCHMARKS to its folder.");
    }
}
