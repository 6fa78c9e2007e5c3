using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RoboLam.Hardware.Tests;

/// <summary>
/// robots/robot.schema.json is published for editors and other tools; these tests keep it and the loader
/// saying the same thing. A small validator covers the keywords the schema uses.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonObject s_schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(RobotFiles.Arm4Path)!, "robot.schema.json")))!.AsObject();

    [Fact]
    public void The_arm4_robot_file_is_valid_against_the_published_schema()
    {
        var errors = Validate(JsonNode.Parse(File.ReadAllText(RobotFiles.Arm4Path)), s_schema, "$");

        Assert.Empty(errors);
    }

    public static TheoryData<string> RequiredProperties()
    {
        var data = new TheoryData<string>();
        foreach (var path in RequiredPaths(s_schema, "$", JsonNode.Parse(File.ReadAllText(RobotFiles.Arm4Path))!))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Every_property_the_schema_requires_is_required_by_the_loader_too(string path)
    {
        var result = RobotFiles.Arm4With(json => Remove(json, path));

        Assert.False(result.Succeeded, $"the loader accepted the file without {path}");
        Assert.Contains(result.Errors, error => error.Path == path);
    }

    [Theory]
    [InlineData("arm.links.forearm", "0.3")]
    [InlineData("arm.joints[0].maxSpeed", "90 m/s")]
    [InlineData("stop.outputsAfterStop", "floppy")]
    [InlineData("inputs[0].role", "panic-button")]
    [InlineData("servoBoard.address", "64")]
    public void Values_the_schema_refuses_the_loader_refuses_at_the_same_path(string path, string value)
    {
        var edited = JsonNode.Parse(File.ReadAllText(RobotFiles.Arm4Path))!.AsObject();
        Set(edited, path, value);

        Assert.NotEmpty(Validate(edited, s_schema, "$"));
        var result = RobotFiles.Arm4With(json => Set(json, path, value));
        Assert.Contains(result.Errors, error => error.Path == "$." + path);
    }

    private static IEnumerable<string> RequiredPaths(JsonObject schema, string path, JsonNode instance)
    {
        schema = Resolve(schema);
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(item => item!.GetValue<string>()))
            {
                yield return path + "." + name;
            }
        }

        if (schema["properties"] is JsonObject properties && instance is JsonObject instanceObject)
        {
            foreach (var (name, child) in properties)
            {
                if (instanceObject[name] is { } value && child is JsonObject childSchema)
                {
                    foreach (var nested in RequiredPaths(childSchema, path + "." + name, value))
                    {
                        yield return nested;
                    }
                }
            }
        }

        if (schema["items"] is JsonObject items && instance is JsonArray array && array.Count > 0)
        {
            foreach (var nested in RequiredPaths(items, path + "[0]", array[0]!))
            {
                yield return nested;
            }
        }
    }

    private static List<string> Validate(JsonNode? node, JsonObject schema, string path)
    {
        schema = Resolve(schema);
        var errors = new List<string>();
        if (schema["enum"] is JsonArray choices && !choices.Any(choice => JsonNode.DeepEquals(choice, node)))
        {
            errors.Add($"{path}: not one of {choices.ToJsonString()}");
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object" when node is not JsonObject:
            case "array" when node is not JsonArray:
            case "string" when node is not JsonValue || node.GetValueKind() != System.Text.Json.JsonValueKind.String:
            case "integer" when node is not JsonValue || node.GetValueKind() != System.Text.Json.JsonValueKind.Number:
            case "boolean" when node is not JsonValue || node.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False):
                errors.Add($"{path}: not of type {schema["type"]}");
                return errors;
        }

        if (schema["pattern"] is JsonValue pattern && node is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String
            && !Regex.IsMatch(text.GetValue<string>(), pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: does not match {pattern}");
        }

        if (node is JsonObject instance)
        {
            var properties = schema["properties"] as JsonObject;
            foreach (var name in (schema["required"] as JsonArray ?? []).Select(item => item!.GetValue<string>()))
            {
                if (!instance.ContainsKey(name))
                {
                    errors.Add($"{path}.{name}: required");
                }
            }

            foreach (var (name, value) in instance)
            {
                if (properties?[name] is JsonObject propertySchema)
                {
                    errors.AddRange(Validate(value, propertySchema, $"{path}.{name}"));
                }
                else if (schema["additionalProperties"] is JsonObject additional)
                {
                    if (schema["propertyNames"]?["pattern"] is JsonValue namePattern && !Regex.IsMatch(name, namePattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        errors.Add($"{path}['{name}']: name does not match {namePattern}");
                    }

                    errors.AddRange(Validate(value, additional, $"{path}['{name}']"));
                }
                else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
                {
                    errors.Add($"{path}.{name}: not allowed");
                }
            }
        }

        if (node is JsonArray array && schema["items"] is JsonObject itemSchema)
        {
            for (var index = 0; index < array.Count; index++)
            {
                errors.AddRange(Validate(array[index], itemSchema, $"{path}[{index}]"));
            }
        }

        return errors;
    }

    private static JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is JsonValue reference
            ? Resolve(s_schema["$defs"]![reference.GetValue<string>().Replace("#/$defs/", string.Empty, StringComparison.Ordinal)]!.AsObject())
            : schema;

    private static (JsonNode Parent, string Key, int? Index) Locate(JsonObject root, string path)
    {
        var parts = Regex.Matches(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path, @"([^.\[\]]+)|\[(\d+)\]").Select(match => match.Value).ToList();
        JsonNode parent = root;
        for (var index = 0; index < parts.Count - 1; index++)
        {
            parent = parts[index].StartsWith('[') ? parent[int.Parse(parts[index].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]! : parent[parts[index]]!;
        }

        var last = parts[^1];
        return last.StartsWith('[') ? (parent, string.Empty, int.Parse(last.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)) : (parent, last, null);
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key, _) = Locate(root, path);
        parent.AsObject().Remove(key);
    }

    private static void Set(JsonObject root, string path, string value)
    {
        var (parent, key, _) = Locate(root, path);
        parent[key] = value;
    }
}
