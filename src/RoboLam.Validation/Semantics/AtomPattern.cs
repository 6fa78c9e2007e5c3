namespace RoboLam.Validation.Semantics;

/// <summary>
/// A predicate or function applied to compiled terms. A term code &gt;= 0 is an object id; a code &lt; 0 is
/// variable slot <c>-code - 1</c>, filled in from the context when the pattern is grounded.
/// </summary>
internal sealed class AtomPattern
{
    private readonly int[] _terms;

    public AtomPattern(int symbol, bool isDerived, int[] terms)
    {
        Symbol = symbol;
        IsDerived = isDerived;
        _terms = terms;
    }

    public int Symbol { get; }

    public bool IsDerived { get; }

    public static int SlotCode(int slot) => -slot - 1;

    public static int Resolve(int code, int[] slots) => code >= 0 ? code : slots[-code - 1];

    public GroundAtom Ground(int[] slots)
    {
        Span<int> arguments = _terms.Length <= 8 ? stackalloc int[_terms.Length] : new int[_terms.Length];
        for (var index = 0; index < _terms.Length; index++)
        {
            arguments[index] = Resolve(_terms[index], slots);
        }

        return new GroundAtom(Symbol, arguments);
    }
}
