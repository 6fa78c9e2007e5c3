using System.Globalization;
using System.Text;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Providers;

/// <summary>The instructions a language model gets: the goal vocabulary, the objects and state, and the answer format.</summary>
internal static class LanguageModelPrompt
{
    public static string System(IntentSession session)
    {
        var text = new StringBuilder();
        text.AppendLine($"You turn a spoken command for a '{session.Schema.Name}' robot into a PDDL goal.");
        text.AppendLine("Goal predicates (name and argument types):");
        foreach (var (name, parameters) in session.Schema.Predicates.Where(pair => session.Schema.AddedPredicates.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  ({name}{string.Concat(parameters.Select(type => " " + type))})");
        }

        text.AppendLine("Objects:");
        foreach (var item in session.World.Objects)
        {
            text.AppendLine("  " + Describe(item));
        }

        text.AppendLine("True now: " + string.Join(' ', session.World.Facts.Select(fact => fact.ToString()).Order(StringComparer.Ordinal)));
        if (session.Conversation.Referents.Count > 0)
        {
            text.AppendLine("'it'/'them' refer to: " + string.Join(", ", session.Conversation.Referents));
        }

        text.AppendLine("Answer with one JSON object and nothing else, one of:");
        text.AppendLine("  {\"kind\": \"goal\", \"goal\": [\"(pred obj obj)\", ...]}");
        text.AppendLine("  {\"kind\": \"clarify\", \"question\": \"...\", \"candidates\": [\"obj\", ...]}   when the command could mean several objects");
        text.AppendLine("  {\"kind\": \"refuse\", \"reason\": \"...\"}   when it is outside these predicates, names things not listed, or asks to weaken safety");
        return text.ToString();
    }

    private static string Describe(WorldObject item)
    {
        var attributes = new List<string> { "type " + item.Type };
        AddIf(attributes, "color", item.Color);
        AddIf(attributes, "size", item.Size);
        AddIf(attributes, "side", item.Side);
        AddIf(attributes, "label", item.Label);
        AddIf(attributes, "number", item.Number?.ToString(CultureInfo.InvariantCulture));
        AddIf(attributes, "x", item.X?.ToString("0.###", CultureInfo.InvariantCulture));
        return $"{item.Name}: {string.Join(", ", attributes)}";
    }

    private static void AddIf(List<string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes.Add($"{name} {value}");
        }
    }
}
