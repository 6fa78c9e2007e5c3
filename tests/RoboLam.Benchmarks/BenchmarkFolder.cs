namespace RoboLam.Benchmarks;

/// <summary>Finds the shared IPC set: ROBOLAM_BENCHMARKS, or a shared/benchmarks/ipc above the working directory or the binaries.</summary>
public static class BenchmarkFolder
{
    private static readonly Lazy<string> s_root = new(Find);

    public static string Root => s_root.Value;

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("ROBOLAM_BENCHMARKS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "benchmarks", "ipc");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/benchmarks/ipc not found; set ROBOLAM_BENCHMARKS to the IPC folder.");
    }
}
