using System.Text.Json;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Evaluation;

/// <summary>Reads a JSON-lines evaluation file: id, world, context, utterance, expect, goal, candidates.</summary>
public static class EvalFile
{
    public static IReadOnlyList<EvalItem> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EvalFileException($"{path}: cannot read: {exception.Message}", exception) { IsUnreadable = true };
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var items = new List<EvalItem>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (!string.IsNullOrWhiteSpace(lines[index]))
            {
                items.Add(ParseLine(lines[index], folder, $"{path}:{index + 1}", index + 1));
            }
        }

        return items;
    }

    private static EvalItem ParseLine(string line, string folder, string where, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var expect = Text(root, "expect", where) switch
            {
                "goal" => IntentKind.Goal,
                "clarify" => IntentKind.Clarify,
                "reject" => IntentKind.Refuse,
                var other => throw new EvalFileException($"{where}: 'expect' must be goal, clarify or reject, not '{other}'"),
            };
            var goal = Strings(root, "goal", where).Select(text => Fact.TryParse(text, out var fact)
                ? fact
                : throw new EvalFileException($"{where}: goal literal '{text}' is not a ground fact")).ToList();
            if (expect == IntentKind.Goal && goal.Count == 0)
            {
                throw new EvalFileException($"{where}: a 'goal' item needs a non-empty 'goal' list");
            }

            return new EvalItem(
                Text(root, "id", where),
                Path.GetFullPath(Path.Combine(folder, Text(root, "world", where))),
                Strings(root, "context", where),
                Text(root, "utterance", where),
                expect,
                goal,
                Strings(root, "candidates", where).Select(name => name.ToLowerInvariant()).ToList(),
                number);
        }
        catch (JsonException exception)
        {
            throw new EvalFileException($"{where}: not a JSON object: {exception.Message}", exception);
        }
    }

    private static string Text(JsonElement root, string name, string where) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new EvalFileException($"{where}: '{name}' is missing or not a string");

    private static List<string> Strings(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(element => element.ValueKind != JsonValueKind.String))
        {
            throw new EvalFileException($"{where}: '{name}' must be a list of strings");
        }

        return value.EnumerateArray().Select(element => element.GetString()!).ToList();
    }
}
