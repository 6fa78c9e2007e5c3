using System.Text.Json;
using RoboLam.Sim.Time;

namespace RoboLam.Cli.Simulation;

/// <summary>One thing that happened in a run, at a virtual time: a command, a reading, a state change, a fault.</summary>
public sealed record TraceEvent(TimeSpan At, string Kind, string Text, IReadOnlyDictionary<string, object?> Data);

/// <summary>Where the arm and every block were at one moment, for the picture.</summary>
public sealed record CellSnapshot(TimeSpan At, string Label, IReadOnlyList<double> JointDegrees, double GripperDegrees, IReadOnlyList<BlockPose> Blocks);

public sealed record BlockPose(string Name, string Colour, double Side, double X, double Y, double Z, string Support);

/// <summary>
/// Everything a run records, stamped with the virtual clock; written as <c>trace.jsonl</c>, one JSON object a line.
/// Events arrive from the clock's thread, the actors and the runner, so adding is locked.
/// </summary>
public sealed class RunTrace(VirtualClock clock)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly object _gate = new();
    private readonly List<TraceEvent> _events = [];
    private readonly List<CellSnapshot> _snapshots = [];

    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    public IReadOnlyList<CellSnapshot> Snapshots
    {
        get
        {
            lock (_gate)
            {
                return _snapshots.ToArray();
            }
        }
    }

    public TimeSpan Now => clock.Elapsed;

    public void Add(string kind, string text, params (string Key, object? Value)[] data)
    {
        var item = new TraceEvent(clock.Elapsed, kind, text, data.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
        lock (_gate)
        {
            _events.Add(item);
        }
    }

    public void Add(CellSnapshot snapshot)
    {
        lock (_gate)
        {
            _snapshots.Add(snapshot);
            _events.Add(new TraceEvent(snapshot.At, "snapshot", snapshot.Label, new Dictionary<string, object?>
            {
                ["joints"] = snapshot.JointDegrees,
                ["gripper"] = snapshot.GripperDegrees,
                ["blocks"] = snapshot.Blocks,
            }));
        }
    }

    public bool Has(string kind) => Events.Any(item => item.Kind == kind);

    public void WriteJsonLines(string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var item in Events.OrderBy(item => item.At))
        {
            var line = new Dictionary<string, object?> { ["t"] = Math.Round(item.At.TotalSeconds, 4), ["kind"] = item.Kind, ["text"] = item.Text };
            foreach (var (key, value) in item.Data)
            {
                line[key] = value;
            }

            writer.WriteLine(JsonSerializer.Serialize(line, s_json));
        }
    }
}
