using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Worlds;

/// <summary>A ground literal such as <c>(on g1 r1)</c>; names are lower-case, equality is by content.</summary>
public sealed record Fact(string Predicate, Seq<string> Arguments)
{
    public static Fact Of(string predicate, params string[] arguments) =>
        new(predicate.ToLowerInvariant(), arguments.Select(argument => argument.ToLowerInvariant()).ToSeq());

    /// <summary>Reads <c>(pred a b)</c>; returns false for anything else (variables, nesting, empty).</summary>
    public static bool TryParse(string text, out Fact fact)
    {
        fact = null!;
        var trimmed = text.Trim();
        if (trimmed.Length < 3 || trimmed[0] != '(' || trimmed[^1] != ')')
        {
            return false;
        }

        var parts = trimmed[1..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(part => part.Contains('(') || part.Contains(')') || part.StartsWith('?')))
        {
            return false;
        }

        fact = Of(parts[0], parts[1..]);
        return true;
    }

    public static Fact Parse(string text) =>
        TryParse(text, out var fact) ? fact : throw new FormatException($"'{text}' is not a ground fact like (on a b)");

    public override string ToString() =>
        Arguments.Count == 0 ? $"({Predicate})" : $"({Predicate} {string.Join(' ', Arguments)})";
}
