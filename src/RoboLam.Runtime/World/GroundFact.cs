namespace RoboLam.Runtime.World;

/// <summary>
/// A ground atom such as <c>(on b1 b2)</c>, kept as its canonical lower-case text so that equality and
/// hashing are one string comparison (the world model compares facts far more often than it takes them apart).
/// </summary>
public readonly record struct GroundFact
{
    private GroundFact(string text)
    {
        Text = text;
    }

    /// <summary>The canonical text: lower case, single spaces, e.g. <c>(on b1 b2)</c> or <c>(hand-empty)</c>.</summary>
    public string Text { get; }

    public string Predicate => Parts()[0];

    public IReadOnlyList<string> Arguments => Parts()[1..];

    public static GroundFact Of(string predicate, params IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(predicate);
        ArgumentNullException.ThrowIfNull(arguments);
        var words = arguments.Select(argument => argument.ToLowerInvariant()).Prepend(predicate.ToLowerInvariant());
        return new GroundFact("(" + string.Join(' ', words) + ")");
    }

    /// <summary>Reads <c>(pred a b)</c>; variables, nesting and empty text are not ground facts.</summary>
    public static bool TryParse(string text, out GroundFact fact)
    {
        fact = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 3 || trimmed[0] != '(' || trimmed[^1] != ')')
        {
            return false;
        }

        var words = trimmed[1..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(word => word.Contains('(') || word.Contains(')') || word.StartsWith('?')))
        {
            return false;
        }

        fact = Of(words[0], words[1..]);
        return true;
    }

    public static GroundFact Parse(string text) =>
        TryParse(text, out var fact)
            ? fact
            : throw new FormatException($"\"{text}\" is not a ground fact such as (on b1 b2)");

    public override string ToString() => Text ?? "(?)";

    private string[] Parts() => Text[1..^1].Split(' ');
}
