namespace RoboLam.Pddl.Writing;

/// <summary>A PDDL form before layout: an atom (a word or number) or a parenthesised list of forms.</summary>
internal sealed class SExpr
{
    private SExpr(string? atom, List<SExpr>? items)
    {
        Atom = atom;
        Items = items;
    }

    /// <summary>The word, or null for a list.</summary>
    public string? Atom { get; }

    /// <summary>The elements, or null for an atom.</summary>
    public List<SExpr>? Items { get; }

    public static SExpr Word(string text) => new(text, null);

    public static SExpr List(params IEnumerable<SExpr> items) => new(null, [.. items]);

    /// <summary>The length printed on one line.</summary>
    public int FlatLength()
    {
        if (Atom is not null)
        {
            return Atom.Length;
        }

        var length = 2 + Math.Max(0, Items!.Count - 1);
        foreach (var item in Items)
        {
            length += item.FlatLength();
        }

        return length;
    }
}
