using System.Text.Json;
using RoboLam.Hardware.Description;

namespace RoboLam.Hardware.Motion;

/// <summary>
/// Reads one binding: the key is the action with its parameters (<c>"pick ?b"</c>), the value an array of
/// steps, each a primitive and its arguments (<c>"descend ?b"</c>).
/// </summary>
internal static class ActionBindingParser
{
    public static ActionBinding? Parse(string key, JsonElement value, string path, DiagnosticBag diagnostics)
    {
        var head = key.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (head.Length == 0)
        {
            diagnostics.Error(path, "a binding needs an action name, e.g. \"pick ?b\"");
            return null;
        }

        var ok = true;
        var parameters = head[1..];
        foreach (var parameter in parameters)
        {
            if (!parameter.StartsWith('?') || parameter.Length < 2)
            {
                diagnostics.Error(path, $"parameter \"{parameter}\" of action \"{head[0]}\" must start with '?', e.g. \"?b\"");
                ok = false;
            }
        }

        foreach (var duplicate in parameters.GroupBy(parameter => parameter, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(path, $"parameter \"{duplicate.Key}\" appears twice");
            ok = false;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Error(path, $"expected an array of steps like [\"move-above ?b\", \"open\"], found {JsonFields.Describe(value)}");
            return null;
        }

        var steps = new List<PrimitiveStep>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var stepPath = $"{path}[{index++}]";
            // A bad step is reported and left out; the rest are still checked against the parameters.
            if (ParseStep(item, stepPath, diagnostics) is { } step)
            {
                steps.Add(step);
            }
        }

        if (value.GetArrayLength() == 0)
        {
            diagnostics.Error(path, $"action \"{head[0]}\" has no steps");
            ok = false;
        }

        return ok ? new ActionBinding(head[0], parameters, steps) : null;
    }

    private static PrimitiveStep? ParseStep(JsonElement item, string path, DiagnosticBag diagnostics)
    {
        if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
        {
            diagnostics.Error(path, $"expected a step such as \"descend ?b\", found {JsonFields.Describe(item)}");
            return null;
        }

        var words = item.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!PrimitiveNames.TryParse(words[0], out var kind, out var minimum, out var maximum))
        {
            diagnostics.Error(path, $"unknown primitive \"{words[0]}\"; the primitives are: {string.Join(", ", PrimitiveNames.All)}");
            return null;
        }

        var arguments = words[1..];
        if (arguments.Length < minimum || arguments.Length > maximum)
        {
            var expected = minimum == maximum ? $"{minimum}" : $"{minimum} or {maximum}";
            diagnostics.Error(path, $"\"{words[0]}\" takes {expected} argument(s), got {arguments.Length}");
            return null;
        }

        return new PrimitiveStep(kind, arguments);
    }
}
