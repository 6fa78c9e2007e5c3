using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// The lexer's view of the source text, read in place. ANTLR's own AntlrInputStream copies the text into a new
/// char array, which for a large problem lands on the large-object heap at every parse.
/// </summary>
internal sealed class StringCharStream : ICharStream
{
    private readonly string _text;
    private int _position;

    public StringCharStream(string text, string sourceName)
    {
        _text = text;
        SourceName = sourceName;
    }

    public int Index => _position;

    public int Size => _text.Length;

    public string SourceName { get; }

    public void Consume()
    {
        if (_position >= _text.Length)
        {
            throw new InvalidOperationException("cannot consume the end of the text");
        }

        _position++;
    }

    /// <summary>The character <paramref name="offset"/> places ahead (1 is the current one), or EOF.</summary>
    public int LA(int offset)
    {
        if (offset == 0)
        {
            return 0;
        }

        var at = offset < 0 ? _position + offset : _position + offset - 1;
        return at < 0 || at >= _text.Length ? IntStreamConstants.EOF : _text[at];
    }

    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public void Seek(int index) => _position = Math.Clamp(index, 0, _text.Length);

    public string GetText(Interval interval)
    {
        var start = Math.Max(0, interval.a);
        var stop = Math.Min(interval.b, _text.Length - 1);
        return stop < start ? string.Empty : _text.Substring(start, stop - start + 1);
    }

    public override string ToString() => _text;
}
