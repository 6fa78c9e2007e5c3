namespace RoboLam.Cli.Tests;

/// <summary>Paths of files that ship in the repository, found from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Tabletop(string file) => Path.Combine(Root, "domains", "tabletop", file);

    public static string Scenario(string name) => Path.Combine(Root, "sim", name + ".json");

    private static string FindRoot()
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
}
