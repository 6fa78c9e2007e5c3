namespace RoboLam.Cli.Intent;

/// <summary>Finds files of the RoboLam checkout (domains, the shipped head) by walking up from where we run.</summary>
internal static class RepositoryPaths
{
    /// <summary>The first <paramref name="relative"/> found above the current folder or above the program.</summary>
    public static string? FindAbove(string relative, params string[] startFolders)
    {
        var starts = startFolders.Concat([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        foreach (var start in starts.Where(folder => !string.IsNullOrEmpty(folder)))
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
