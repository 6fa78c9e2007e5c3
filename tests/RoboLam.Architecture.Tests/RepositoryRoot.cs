namespace RoboLam.Architecture.Tests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding RoboLam.sln, found by walking up from the test's output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RoboLam.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("RoboLam.sln not found above " + AppContext.BaseDirectory);
    }
}
