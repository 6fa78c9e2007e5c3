using RoboLam.Intent.Frames;

namespace RoboLam.Intent.Neural;

/// <summary>The role a word span plays in a clause: an action of some kind, or an argument.</summary>
public enum SpanRole
{
    None,
    Action,
    Theme,
    Destination,
    Color,
    Safety,
}

/// <summary>
/// The tagger's BIO labels, in the fixed order of the head's outputs: <c>O</c>, then <c>B-</c>/<c>I-</c> for each
/// action kind (PLACE, PICKUP, ...) and for THEME, DEST, COLOR and SAFETY. Changing this order needs a retrained head.
/// </summary>
public static class TagSet
{
    public const string Outside = "O";

    private static readonly string[] s_tags = BuildTags();

    private static readonly Dictionary<string, int> s_indexByTag =
        s_tags.Select((tag, index) => (tag, index)).ToDictionary(pair => pair.tag, pair => pair.index, StringComparer.Ordinal);

    public static IReadOnlyList<string> Tags => s_tags;

    public static int Count => s_tags.Length;

    public static int IndexOf(string tag) =>
        s_indexByTag.TryGetValue(tag, out var index) ? index : throw new ArgumentException($"'{tag}' is not a tag", nameof(tag));

    public static string ActionLabel(ActionKind kind) => kind.ToString().ToUpperInvariant();

    public static string Begin(string label) => "B-" + label;

    public static string Inside(string label) => "I-" + label;

    public static bool IsBegin(string tag) => tag.StartsWith("B-", StringComparison.Ordinal);

    public static bool IsInside(string tag) => tag.StartsWith("I-", StringComparison.Ordinal);

    /// <summary>The label without its B-/I- prefix ("PLACE", "THEME"); empty for O.</summary>
    public static string LabelOf(string tag) => tag == Outside ? string.Empty : tag[2..];

    public static SpanRole RoleOf(string label) => label switch
    {
        "" => SpanRole.None,
        "THEME" => SpanRole.Theme,
        "DEST" => SpanRole.Destination,
        "COLOR" => SpanRole.Color,
        "SAFETY" => SpanRole.Safety,
        _ => SpanRole.Action,
    };

    public static ActionKind ActionOf(string label) =>
        Enum.GetValues<ActionKind>().First(kind => ActionLabel(kind) == label);

    /// <summary>BIO: an I- tag may only continue a span of the same label.</summary>
    public static bool CanFollow(string previous, string next) =>
        !IsInside(next) || (previous != Outside && LabelOf(previous) == LabelOf(next));

    private static string[] BuildTags()
    {
        var labels = Enum.GetValues<ActionKind>().Select(ActionLabel).Concat(["THEME", "DEST", "COLOR", "SAFETY"]);
        return [Outside, .. labels.SelectMany(label => new[] { Begin(label), Inside(label) })];
    }
}
