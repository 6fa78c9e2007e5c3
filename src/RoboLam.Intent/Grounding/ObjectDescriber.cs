using System.Globalization;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Grounding;

/// <summary>Says an object the way a person would tell it apart: "the small red block (r1)", "part 3 (p3)".</summary>
public static class ObjectDescriber
{
    public static string Describe(WorldObject item)
    {
        if (item.Number is { } number)
        {
            return $"{item.Type} {number.ToString(CultureInfo.InvariantCulture)} ({item.Name})";
        }

        if (item.Label is { } label)
        {
            return $"the {label} {item.Type} ({item.Name})";
        }

        var words = new[] { item.Size, item.Color, item.Type }.Where(word => word is not null);
        var side = item.Side is null ? string.Empty : $" on the {item.Side}";
        return $"the {string.Join(' ', words)}{side} ({item.Name})";
    }

    /// <summary>"a, b or c" over the descriptions.</summary>
    public static string Alternatives(IEnumerable<WorldObject> items, string conjunction = "or")
    {
        var descriptions = items.Select(Describe).ToList();
        return descriptions.Count <= 1
            ? string.Concat(descriptions)
            : string.Join(", ", descriptions.Take(descriptions.Count - 1)) + $" {conjunction} " + descriptions[^1];
    }
}
