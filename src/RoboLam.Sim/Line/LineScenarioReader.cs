using System.Globalization;
using System.Text.Json;
using RoboLam.Hardware.Description;

namespace RoboLam.Sim.Line;

/// <summary>Reads a line scenario and reports every problem with its JSON path, as the robot file loader does.</summary>
public static class LineScenarioReader
{
    private static readonly Dictionary<string, LineDeviceKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["conveyor"] = LineDeviceKind.Conveyor,
        ["drilling-station"] = LineDeviceKind.DrillingStation,
        ["painting-station"] = LineDeviceKind.PaintingStation,
        ["inspection-camera"] = LineDeviceKind.InspectionCamera,
        ["transfer-robot"] = LineDeviceKind.TransferRobot,
    };

    /// <returns>The scenario, or null with <paramref name="errors"/> saying what is wrong where (<c>$.devices[2].duration: ...</c>).</returns>
    public static LineScenario? Read(string json, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            problems.Add($"$: not JSON: {exception.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var reader = new Fields(problems);
            var name = reader.Text(root, "$", "name");
            var cell = reader.Text(root, "$", "cell");
            var domain = reader.Text(root, "$", "domain");
            var problem = reader.Text(root, "$", "problem");
            var order = reader.Text(root, "$", "order");
            var description = reader.Text(root, "$", "description", required: false) ?? string.Empty;
            var timeScale = reader.Number(root, "$", "timeScale") ?? 1.0;
            var seed = (int)(reader.Number(root, "$", "seed", required: false) ?? 1);
            var deadlineFactor = reader.Number(root, "$", "deadlineFactor", required: false) ?? 3.0;
            var broker = reader.Text(root, "$", "broker", required: false);
            if (timeScale <= 0)
            {
                problems.Add("$.timeScale: must be positive (0.1 runs ten times faster than real time)");
            }

            var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
            if (reader.Object(root, "$", "assignments") is { } table)
            {
                foreach (var entry in table.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.String)
                    {
                        assignments[entry.Name] = entry.Value.GetString()!;
                    }
                    else
                    {
                        problems.Add($"$.assignments.{entry.Name}: expected a device name or pattern such as \"station-{{2}}\"");
                    }
                }
            }

            var devices = new List<DeviceProfile>();
            if (reader.Array(root, "$", "devices") is { } list)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (ReadDevice(item, $"$.devices[{index++}]", reader) is { } device)
                    {
                        devices.Add(device);
                    }
                }
            }

            foreach (var duplicate in devices.GroupBy(device => device.Name).Where(group => group.Count() > 1))
            {
                problems.Add($"$.devices: device \"{duplicate.Key}\" is listed {duplicate.Count()} times");
            }

            var events = new List<ScenarioEvent>();
            if (reader.Array(root, "$", "events", required: false) is { } eventList)
            {
                var index = 0;
                foreach (var item in eventList.EnumerateArray())
                {
                    var path = $"$.events[{index++}]";
                    var kind = reader.Text(item, path, "do");
                    var at = reader.Duration(item, path, "at");
                    var down = reader.Duration(item, path, "down", required: false) ?? TimeSpan.FromSeconds(1);
                    if (kind is not null and not "restart-broker")
                    {
                        problems.Add($"{path}.do: unknown event \"{kind}\" (known: restart-broker)");
                    }
                    else if (kind is not null && at is { } time)
                    {
                        events.Add(new ScenarioEvent(time, kind, down));
                    }
                }
            }

            var expect = new ScenarioExpectation("achieved", null);
            if (reader.Object(root, "$", "expect", required: false) is { } expected)
            {
                var status = reader.Text(expected, "$.expect", "status") ?? "achieved";
                if (status is not ("achieved" or "failed"))
                {
                    problems.Add($"$.expect.status: expected \"achieved\" or \"failed\", not \"{status}\"");
                }

                expect = new ScenarioExpectation(status, reader.Number(expected, "$.expect", "maxMakespanShare", required: false));
            }

            if (problems.Count > 0)
            {
                return null;
            }

            return new LineScenario(name!, description, cell!, domain!, problem!, order!, timeScale, seed, assignments, devices, events, expect)
            {
                DeadlineFactor = deadlineFactor,
                Broker = broker,
            };
        }
    }

    private static DeviceProfile? ReadDevice(JsonElement item, string path, Fields reader)
    {
        var name = reader.Text(item, path, "name");
        var kindText = reader.Text(item, path, "kind");
        var duration = reader.Duration(item, path, "duration");
        LineDeviceKind kind = default;
        if (kindText is not null && !s_kinds.TryGetValue(kindText, out kind))
        {
            reader.Problems.Add($"{path}.kind: unknown kind \"{kindText}\" (known: {string.Join(", ", s_kinds.Keys)})");
            return null;
        }

        string? station = null, from = null, to = null;
        if (kind == LineDeviceKind.Conveyor)
        {
            from = reader.Text(item, path, "from");
            to = reader.Text(item, path, "to");
        }
        else if (kind != LineDeviceKind.TransferRobot)
        {
            station = reader.Text(item, path, "station");
        }

        var faults = DeviceFaults.None;
        if (reader.Object(item, path, "faults", required: false) is { } faultItem)
        {
            var faultPath = path + ".faults";
            faults = new DeviceFaults
            {
                JamAt = (int?)reader.Number(faultItem, faultPath, "jamAt", required: false),
                OfflineAt = (int?)reader.Number(faultItem, faultPath, "offlineAt", required: false),
                OfflineFor = reader.Duration(faultItem, faultPath, "offlineFor", required: false),
                SlowFactor = reader.Number(faultItem, faultPath, "slowFactor", required: false) ?? 1.0,
                RejectRate = reader.Number(faultItem, faultPath, "rejectRate", required: false) ?? 0.0,
            };
            if (faults.SlowFactor <= 0 || faults.RejectRate is < 0 or > 1)
            {
                reader.Problems.Add($"{faultPath}: slowFactor must be positive and rejectRate between 0 and 1");
            }
        }

        return name is null || kindText is null || duration is null ? null
            : new DeviceProfile(name, kind, duration.Value) { Station = station, From = from, To = to, Faults = faults };
    }

    /// <summary>Field access that records what is missing or mistyped, with its path.</summary>
    private sealed class Fields(List<string> problems)
    {
        public List<string> Problems { get; } = problems;

        public string? Text(JsonElement parent, string path, string name, bool required = true) =>
            Get(parent, path, name, JsonValueKind.String, "a string", required) is { } value ? value.GetString() : null;

        public double? Number(JsonElement parent, string path, string name, bool required = true) =>
            Get(parent, path, name, JsonValueKind.Number, "a number", required) is { } value ? value.GetDouble() : null;

        public JsonElement? Object(JsonElement parent, string path, string name, bool required = true) =>
            Get(parent, path, name, JsonValueKind.Object, "an object", required);

        public JsonElement? Array(JsonElement parent, string path, string name, bool required = true) =>
            Get(parent, path, name, JsonValueKind.Array, "an array", required);

        /// <summary>A duration with its unit, as in robot files: <c>"2 s"</c>, <c>"750 ms"</c>.</summary>
        public TimeSpan? Duration(JsonElement parent, string path, string name, bool required = true)
        {
            var text = Text(parent, path, name, required);
            if (text is null)
            {
                return null;
            }

            if (QuantityText.TryParseDuration(text, out var duration, out var error) && duration.Seconds > 0)
            {
                return TimeSpan.FromSeconds(duration.Seconds);
            }

            Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{name}: {(error.Length > 0 ? error : "must be positive")}"));
            return null;
        }

        private JsonElement? Get(JsonElement parent, string path, string name, JsonValueKind kind, string what, bool required)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Problems.Add($"{path}.{name}: missing; expected {what}");
                }

                return null;
            }

            if (value.ValueKind != kind)
            {
                Problems.Add($"{path}.{name}: expected {what}, found {value.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            return value;
        }
    }
}
