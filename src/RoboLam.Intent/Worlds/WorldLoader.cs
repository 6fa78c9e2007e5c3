using System.Text.Json;

namespace RoboLam.Intent.Worlds;

/// <summary>Reads a perception snapshot (<c>worlds/*.json</c>): domain, objects with attributes, initial facts.</summary>
public static class WorldLoader
{
    private static readonly HashSet<string> s_knownAttributes =
        ["name", "type", "color", "colour", "size", "side", "x", "y", "number", "label"];

    public static World Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new WorldFileException($"{path}: cannot read the world file: {exception.Message}", exception) { IsUnreadable = true };
        }

        return Parse(text, path);
    }

    /// <summary>Parses world JSON; <paramref name="source"/> names it in error messages.</summary>
    public static World Parse(string json, string source = "world")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new WorldFileException($"{source}: not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WorldFileException($"{source}: the world must be a JSON object with 'domain', 'objects' and 'init'");
            }

            var domain = RequiredString(root, "domain", source);
            var objects = ReadObjects(root, source);
            var facts = ReadFacts(root, source, objects);
            return new World(domain.ToLowerInvariant(), objects, facts);
        }
    }

    private static List<WorldObject> ReadObjects(JsonElement root, string source)
    {
        if (!root.TryGetProperty("objects", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new WorldFileException($"{source}: 'objects' must be an array of objects");
        }

        var objects = new List<WorldObject>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var where = $"{source}: objects[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new WorldFileException($"{where}: must be an object with at least 'name' and 'type'");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!s_knownAttributes.Contains(property.Name))
                {
                    throw new WorldFileException(
                        $"{where}: unknown attribute '{property.Name}' (known: {string.Join(", ", s_knownAttributes)})");
                }
            }

            var name = RequiredString(element, "name", where).ToLowerInvariant();
            if (!names.Add(name))
            {
                throw new WorldFileException($"{where}: the name '{name}' is used twice");
            }

            objects.Add(new WorldObject(
                name,
                RequiredString(element, "type", where).ToLowerInvariant(),
                Color: OptionalString(element, "color", where) ?? OptionalString(element, "colour", where),
                Size: OptionalString(element, "size", where),
                Side: OptionalString(element, "side", where),
                X: OptionalNumber(element, "x", where),
                Y: OptionalNumber(element, "y", where),
                Number: OptionalInteger(element, "number", where),
                Label: OptionalString(element, "label", where)));
            index++;
        }

        return objects;
    }

    private static List<Fact> ReadFacts(JsonElement root, string source, List<WorldObject> objects)
    {
        var facts = new List<Fact>();
        if (!root.TryGetProperty("init", out var array))
        {
            return facts;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new WorldFileException($"{source}: 'init' must be an array of facts such as \"(on a b)\"");
        }

        var names = objects.Select(item => item.Name).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var where = $"{source}: init[{index}]";
            if (element.ValueKind != JsonValueKind.String || !Fact.TryParse(element.GetString()!, out var fact))
            {
                throw new WorldFileException($"{where}: expected a ground fact such as \"(on a b)\", found {element.GetRawText()}");
            }

            var unknown = fact.Arguments.FirstOrDefault(argument => !names.Contains(argument));
            if (unknown is not null)
            {
                throw new WorldFileException($"{where}: {fact} names '{unknown}', which is not among the objects");
            }

            facts.Add(fact);
            index++;
        }

        return facts;
    }

    private static string RequiredString(JsonElement element, string property, string where) =>
        OptionalString(element, property, where)
        ?? throw new WorldFileException($"{where}: '{property}' is missing");

    private static string? OptionalString(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new WorldFileException($"{where}: '{property}' must be a non-empty string, found {value.GetRawText()}");
        }

        return value.GetString()!.Trim().ToLowerInvariant();
    }

    private static double? OptionalNumber(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new WorldFileException($"{where}: '{property}' must be a number (metres), found {value.GetRawText()}");
    }

    private static int? OptionalInteger(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new WorldFileException($"{where}: '{property}' must be a whole number, found {value.GetRawText()}");
    }
}
