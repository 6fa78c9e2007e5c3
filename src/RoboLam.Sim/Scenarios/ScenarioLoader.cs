using System.Text.Json;
using RoboLam.Sim.Faults;

namespace RoboLam.Sim.Scenarios;

/// <summary>
/// Reads a scenario file (<c>sim/*.json</c>, described by <c>sim/scenario.schema.json</c>) and checks everything
/// that can be checked without the robot and the domain: fields and their types, times with units, fault kinds,
/// and that every fact names objects of the scenario's world. Each error names the file, the field and the fix.
/// </summary>
public static class ScenarioLoader
{
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{path}: cannot read the scenario file ({exception.Message}); check the path (scenarios live in sim/)", exception) { IsUnreadable = true };
        }

        return Parse(text, path);
    }

    /// <param name="json">The scenario's text.</param>
    /// <param name="path">Where it came from: errors name it, and relative paths inside resolve against its folder.</param>
    public static Scenario Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new ScenarioException($"{path}({exception.LineNumber + 1},{exception.BytePositionInLine + 1}): not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var fields = new Fields(document.RootElement, path);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var world = fields.Object("world");
            var objects = WorldObjects(world, path);
            var goal = fields.OptionalStrings("goal");
            var command = fields.OptionalString("command");
            if ((goal.Count == 0) == string.IsNullOrWhiteSpace(command))
            {
                throw new ScenarioException($"{path}: give exactly one of \"goal\" (PDDL facts such as [\"(on r1 b1)\"]) or \"command\" (words such as \"put the red block on the blue one\")");
            }

            var expectElement = fields.Object("expect");
            var expect = new Fields(expectElement, path, "expect");
            var expectation = new ScenarioExpectation(
                expect.Int("exitCode"),
                expect.OptionalStrings("facts"),
                expect.OptionalStrings("absentFacts"),
                expect.OptionalStrings("events"));

            CheckFacts(path, "goal", goal, objects);
            CheckFacts(path, "expect.facts", expectation.Facts, objects);
            CheckFacts(path, "expect.absentFacts", expectation.AbsentFacts, objects);
            var limit = fields.OptionalDuration("timeLimit") ?? Scenario.DefaultTimeLimit;
            return new Scenario(
                fields.OptionalString("name") ?? Path.GetFileNameWithoutExtension(path),
                fields.OptionalString("description") ?? string.Empty,
                Path.GetFullPath(path),
                Path.GetFullPath(Path.Combine(folder, fields.String("robot"))),
                Path.GetFullPath(Path.Combine(folder, fields.String("domain"))),
                world.GetRawText(),
                goal,
                string.IsNullOrWhiteSpace(command) ? null : command,
                ReadFaults(fields, path),
                expectation,
                limit);
        }
    }

    private static HashSet<string> WorldObjects(JsonElement world, string path)
    {
        if (!world.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioException($"{path}: world.objects is missing; list the blocks and bins, e.g. {{\"name\": \"r1\", \"type\": \"block\", \"color\": \"red\", \"x\": 0.10, \"y\": 0.20}}");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in objects.EnumerateArray())
        {
            var place = $"world.objects[{index}]";
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new ScenarioException($"{path}: {place} has no \"name\"; give it one such as \"r1\"");
            var type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is not ("block" or "bin"))
            {
                throw new ScenarioException($"{path}: {place} (\"{name}\") has type \"{type}\"; the tabletop has \"block\" and \"bin\"");
            }

            if (!item.TryGetProperty("x", out var x) || x.ValueKind != JsonValueKind.Number || !item.TryGetProperty("y", out var y) || y.ValueKind != JsonValueKind.Number)
            {
                throw new ScenarioException($"{path}: {place} (\"{name}\") needs \"x\" and \"y\" in metres on the table, e.g. \"x\": 0.10, \"y\": 0.20");
            }

            if (!names.Add(name))
            {
                throw new ScenarioException($"{path}: {place}: the name \"{name}\" is used twice; give each object its own name");
            }

            index++;
        }

        if (world.TryGetProperty("init", out var init))
        {
            CheckFacts(path, "world.init", init.EnumerateArray().Select(item => item.GetString() ?? string.Empty).ToArray(), names);
        }

        return names;
    }

    private static void CheckFacts(string path, string field, IReadOnlyList<string> facts, HashSet<string> objects)
    {
        for (var index = 0; index < facts.Count; index++)
        {
            var fact = facts[index].Trim();
            var words = fact.TrimStart('(').TrimEnd(')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!fact.StartsWith('(') || !fact.EndsWith(')') || words.Length == 0)
            {
                throw new ScenarioException($"{path}: {field}[{index}] \"{fact}\" is not a fact; write it as in PDDL, e.g. \"(on r1 b1)\"");
            }

            foreach (var name in words.Skip(1).Where(name => !objects.Contains(name)))
            {
                throw new ScenarioException(
                    $"{path}: {field}[{index}] \"{fact}\" names \"{name}\", which is not an object of the world ({string.Join(", ", objects.Order(StringComparer.Ordinal))}); use one of them or add \"{name}\" to world.objects");
            }
        }
    }

    private static List<ScenarioFault> ReadFaults(Fields fields, string path)
    {
        var faults = new List<ScenarioFault>();
        if (!fields.Element.TryGetProperty("faults", out var list))
        {
            return faults;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var fault = new Fields(item, path, $"faults[{index}]");
            var at = fault.OptionalDuration("at") ?? throw new ScenarioException($"{path}: faults[{index}] needs \"at\", the virtual time it strikes, e.g. \"3 s\"");
            var after = fault.OptionalString("after");
            if (after is not null && !(after.StartsWith('(') && after.EndsWith(')')))
            {
                throw new ScenarioException($"{path}: faults[{index}].after \"{after}\" is not an action; write it as in a plan, e.g. \"(pick g1)\"");
            }

            faults.Add(new ScenarioFault(Fault(fault, at, path, index), after));
            index++;
        }

        return faults;
    }

    private static SimulatedFault Fault(Fields fault, TimeSpan at, string path, int index) =>
            fault.String("type") switch
            {
                "e-stop" => new EmergencyStopPress(at, fault.OptionalString("input") ?? "e-stop"),
                "servo-stall" => new ServoStall(at, fault.String("joint")),
                "servo-lag" => new ServoLag(at, fault.String("joint"), fault.Double("speedFactor")),
                "block-slip" => new BlockSlip(at),
                "stuck-input" => new StuckInput(at, fault.String("input"), fault.Bool("active")),
                "device-silent" => new DeviceSilent(at),
                var other => throw new ScenarioException(
                    $"{path}: faults[{index}].type \"{other}\" is not a fault; use e-stop, servo-stall, servo-lag, block-slip, stuck-input or device-silent"),
            };

    /// <summary>Typed access to one JSON object's fields, with errors that name the field and what it should hold.</summary>
    private sealed class Fields(JsonElement element, string path, string prefix = "")
    {
        public JsonElement Element { get; } = element;

        public string String(string name) =>
            OptionalString(name) ?? throw new ScenarioException($"{path}: \"{Place(name)}\" is missing; it must be a string");

        public string? OptionalString(string name) =>
            !Element.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw new ScenarioException($"{path}: \"{Place(name)}\" must be a string");

        public JsonElement Object(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
                ? value
                : throw new ScenarioException($"{path}: \"{Place(name)}\" is missing or not an object; see sim/README.md for its fields");

        public int Int(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw new ScenarioException($"{path}: \"{Place(name)}\" must be a whole number (an exit code such as 0 or 40)");

        public double Double(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw new ScenarioException($"{path}: \"{Place(name)}\" must be a number");

        public bool Bool(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw new ScenarioException($"{path}: \"{Place(name)}\" must be true or false");

        public IReadOnlyList<string> OptionalStrings(string name)
        {
            if (!Element.TryGetProperty(name, out var value))
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            {
                throw new ScenarioException($"{path}: \"{Place(name)}\" must be a list of strings");
            }

            return value.EnumerateArray().Select(item => item.GetString()!).ToArray();
        }

        public TimeSpan? OptionalDuration(string name)
        {
            var text = OptionalString(name);
            if (text is null)
            {
                return null;
            }

            return DurationText.TryParse(text, out var value)
                ? value
                : throw new ScenarioException($"{path}: \"{Place(name)}\" is \"{text}\"; write a time with its unit, e.g. \"3 s\" or \"1500 ms\"");
        }

        private string Place(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
    }
}
