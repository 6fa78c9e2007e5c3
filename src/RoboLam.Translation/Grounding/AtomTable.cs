namespace RoboLam.Translation.Grounding;

/// <summary>Ground atoms numbered densely: predicate id and object ids per atom id.</summary>
internal sealed class AtomTable
{
    /// <summary>Beyond this many ground atoms (action instances included) grounding stops with an error instead of exhausting memory.</summary>
    public const int MaximumAtoms = 20_000_000;

    private readonly List<int> _predicates = [];
    private readonly List<int[]> _arguments = [];
    private readonly Dictionary<int[], int>[] _ids;

    public AtomTable(int predicateCount)
    {
        _ids = new Dictionary<int[], int>[predicateCount];
        for (var predicate = 0; predicate < predicateCount; predicate++)
        {
            _ids[predicate] = new Dictionary<int[], int>(ArgumentsComparer.Instance);
        }
    }

    public int Count => _predicates.Count;

    public int PredicateOf(int atom) => _predicates[atom];

    public int[] ArgumentsOf(int atom) => _arguments[atom];

    /// <summary>The atom's id, or −1 when it was never added.</summary>
    public int Find(int predicate, int[] arguments) =>
        _ids[predicate].TryGetValue(arguments, out var id) ? id : -1;

    /// <summary>Adds the atom (keeping <paramref name="arguments"/>, so do not reuse it) and says whether it is new.</summary>
    public bool TryAdd(int predicate, int[] arguments, out int id)
    {
        if (_ids[predicate].TryGetValue(arguments, out id))
        {
            return false;
        }

        id = _predicates.Count;
        if (id >= MaximumAtoms)
        {
            throw new TranslationException(
                $"Grounding reached {MaximumAtoms:N0} atoms and operators; the task is too large to ground.");
        }

        _predicates.Add(predicate);
        _arguments.Add(arguments);
        _ids[predicate][arguments] = id;
        return true;
    }

    /// <summary>Looks up with a reused key array; adds a copy when the atom is new.</summary>
    public int FindOrAddCopy(int predicate, int[] scratch, out bool added)
    {
        if (_ids[predicate].TryGetValue(scratch, out var id))
        {
            added = false;
            return id;
        }

        added = TryAdd(predicate, (int[])scratch.Clone(), out id);
        return id;
    }
}
