using System.Text.Json.Nodes;
using RoboLam.Hardware.Description;

namespace RoboLam.Hardware.Tests;

/// <summary>The repository's robot files, and edited copies of them for the validation tests.</summary>
internal static class RobotFiles
{
    public static readonly DomainActionSignature[] TabletopActions =
    [
        new("pick", 1), new("unstack", 2), new("place-on", 2), new("put-down", 1), new("put-in", 2),
    ];

    public static string Arm4Path { get; } = Path.Combine(RepositoryRoot(), "robots", "arm4.json");

    public static RobotDescription Arm4 { get; } = RobotFileLoader.LoadOrThrow(Arm4Path, TabletopActions);

    /// <summary>arm4.json after <paramref name="edit"/>, checked against the tabletop actions.</summary>
    public static RobotFileResult Arm4With(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Arm4Path))!.AsObject();
        edit(json);
        return RobotFileLoader.Parse(json.ToJsonString(), "arm4-edited.json", TabletopActions);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RoboLam.sln not found above " + AppContext.BaseDirectory);
    }
}
