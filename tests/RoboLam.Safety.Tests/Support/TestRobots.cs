using System.Text.Json.Nodes;
using RoboLam.Hardware.Description;

namespace RoboLam.Safety.Tests.Support;

/// <summary>robots/arm4.json and edited copies of it, found from the test's output folder.</summary>
internal static class TestRobots
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Arm4Path { get; } = Path.Combine(RepositoryRoot, "robots", "arm4.json");

    public static RobotDescription Arm4 { get; } = RobotFileLoader.LoadOrThrow(Arm4Path);

    /// <summary>arm4 with a second e-stop channel "e-stop-b" on pin 16, paired with "e-stop" as one dual-channel e-stop.</summary>
    public static RobotDescription DualChannelArm4 { get; } = Load(Arm4With(json =>
    {
        json["inputs"]!.AsArray().Add(JsonNode.Parse("""{ "name": "e-stop-b", "role": "emergency-stop", "pin": 16, "pull": "up", "activeLow": true }"""));
        json["safety"]!["emergencyStops"] = JsonNode.Parse("""[ { "name": "cell-e-stop", "channels": ["e-stop", "e-stop-b"], "discrepancyTime": "50 ms" } ]""");
    }));

    public static RobotFileResult Arm4With(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Arm4Path))!.AsObject();
        edit(json);
        return RobotFileLoader.Parse(json.ToJsonString(), "arm4-edited.json");
    }

    public static RobotDescription Load(RobotFileResult result) =>
        result.Robot ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));

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
