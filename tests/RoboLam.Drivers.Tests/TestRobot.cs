using RoboLam.Hardware.Description;

namespace RoboLam.Drivers.Tests;

/// <summary>robots/arm4.json, found from the test's output folder.</summary>
internal static class TestRobot
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static RobotDescription Arm4 { get; } = RobotFileLoader.LoadOrThrow(Path.Combine(RepositoryRoot, "robots", "arm4.json"));

    public static string World(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "..", "shared", "nl", "worlds", name));

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
