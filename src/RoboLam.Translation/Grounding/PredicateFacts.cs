namespace RoboLam.Translation.Grounding;

/// <summary>
/// The facts of one predicate that joins may use, with hash indices by bound argument positions. An index for a
/// set of bound positions (a bit mask) is built the first time a join asks for it and kept up to date after.
/// </summary>
internal sealed class PredicateFacts
{
    private readonly List<int[]> _facts = [];
    private readonly HashSet<int[]> _members = new(ArgumentsComparer.Instance);
    private readonly Dictionary<int, Dictionary<int[], List<int[]>>> _indices = [];
    private readonly Dictionary<int, int[]> _scratchKeys = [];
    private readonly int _fullMask;
    private readonly int[] _fullScratch;

    public PredicateFacts(int arity)
    {
        Arity = arity;
        _fullMask = (1 << arity) - 1;
        _fullScratch = new int[arity];
    }

    public int Arity { get; }

    public IReadOnlyList<int[]> All => _facts;

    public int Count => _facts.Count;

    public bool Contains(int[] arguments) => _members.Contains(arguments);

    /// <summary>Membership of fully bound arguments given as a span (copied into a reused key).</summary>
    public bool Contains(ReadOnlySpan<int> arguments)
    {
        arguments.CopyTo(_fullScratch);
        return _members.Contains(_fullScratch);
    }

    public void Add(int[] arguments)
    {
        if (!_members.Add(arguments))
        {
            return;
        }

        _facts.Add(arguments);
        foreach (var (mask, index) in _indices)
        {
            AddToIndex(index, mask, arguments);
        }
    }

    /// <summary>
    /// The facts whose arguments at the positions of <paramref name="mask"/> equal <paramref name="values"/>
    /// (indexed by position; other entries are ignored). Empty when none.
    /// </summary>
    public IReadOnlyList<int[]> Matching(int mask, ReadOnlySpan<int> values)
    {
        if (mask == 0)
        {
            return _facts;
        }

        var key = _scratchKeys.TryGetValue(mask, out var scratch) ? scratch : CreateScratch(mask);
        var slot = 0;
        for (var position = 0; position < Arity; position++)
        {
            if ((mask & (1 << position)) != 0)
            {
                key[slot++] = values[position];
            }
        }

        if (mask == _fullMask)
        {
            return _members.TryGetValue(key, out var member) ? new SingleFact(member) : [];
        }

        var index = _indices.TryGetValue(mask, out var existing) ? existing : BuildIndex(mask);
        return index.TryGetValue(key, out var bucket) ? bucket : [];
    }

    private int[] CreateScratch(int mask)
    {
        var scratch = new int[System.Numerics.BitOperations.PopCount((uint)mask)];
        _scratchKeys[mask] = scratch;
        return scratch;
    }

    private Dictionary<int[], List<int[]>> BuildIndex(int mask)
    {
        var index = new Dictionary<int[], List<int[]>>(ArgumentsComparer.Instance);
        foreach (var fact in _facts)
        {
            AddToIndex(index, mask, fact);
        }

        _indices[mask] = index;
        return index;
    }

    private static void AddToIndex(Dictionary<int[], List<int[]>> index, int mask, int[] fact)
    {
        var key = new int[System.Numerics.BitOperations.PopCount((uint)mask)];
        var slot = 0;
        for (var position = 0; position < fact.Length; position++)
        {
            if ((mask & (1 << position)) != 0)
            {
                key[slot++] = fact[position];
            }
        }

        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = [];
            index[key] = bucket;
        }

        bucket.Add(fact);
    }

    /// <summary>A one-element list without allocating a List for every membership test.</summary>
    private sealed class SingleFact(int[] fact) : IReadOnlyList<int[]>
    {
        public int Count => 1;

        public int[] this[int index] => index == 0 ? fact : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<int[]> GetEnumerator()
        {
            yield return fact;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
