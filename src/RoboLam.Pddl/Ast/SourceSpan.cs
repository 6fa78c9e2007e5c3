namespace RoboLam.Pddl.Ast;

/// <summary>
/// Where a node came from, for diagnostics. Positions are not part of a node's meaning:
/// two spans always compare equal, so trees parsed from differently laid-out text are equal.
/// </summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    public static readonly SourceSpan None = new(string.Empty, 0, 0);

    public SourceSpan(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    public bool Equals(SourceSpan other) => true;

    public override bool Equals(object? obj) => obj is SourceSpan;

    public override int GetHashCode() => 0;

    public static bool operator ==(SourceSpan left, SourceSpan right) => true;

    public static bool operator !=(SourceSpan left, SourceSpan right) => false;

    public override string ToString() => $"{File}({Line},{Column})";
}
