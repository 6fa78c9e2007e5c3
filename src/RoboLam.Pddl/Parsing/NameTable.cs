using Antlr4.Runtime;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// Lower-cases and interns the names of one text: a problem repeats the same few hundred names
/// thousands of times, so each distinct spelling becomes one string, read straight from the source text.
/// </summary>
internal sealed class NameTable
{
    private readonly string _text;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable(string text)
    {
        _text = text;
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(IToken token)
    {
        var start = token.StartIndex;
        var length = token.StopIndex - start + 1;
        if (start < 0 || length <= 0 || start + length > _text.Length)
        {
            // A token conjured by error recovery has no place in the text.
            return (token.Text ?? string.Empty).ToLowerInvariant();
        }

        var spelling = _text.AsSpan(start, length);
        if (_lookup.TryGetValue(spelling, out var name))
        {
            return name;
        }

        var lowered = spelling.ToString().ToLowerInvariant();
        _lookup[spelling] = lowered;
        return lowered;
    }
}
