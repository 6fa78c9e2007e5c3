namespace RoboLam.Cli;

/// <summary>Finds the files that ship with RoboLam (domains/, robots/, sim/) from the working folder or the program's folder.</summary>
public static class BundledFiles
{
    /// <summary>The full path of <paramref name="relativePath"/> under the nearest folder above that holds it, or null.</summary>
    public static string? Find(string relativePath)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
