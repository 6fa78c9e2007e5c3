namespace RoboLam.Planning.Search;

/// <summary>
/// Several open lists used in turn (Röger and Helmert 2010): each pop takes from the non-empty list popped least
/// so far. Lists of preferred successors can be boosted: on progress their counters drop by the boost amount,
/// so they are used that many more times (as in LAMA).
/// </summary>
internal sealed class AlternationOpenList
{
    private readonly OpenHeap[] _lists;
    private readonly bool[] _isPreferred;
    private readonly long[] _priority;

    public AlternationOpenList(IReadOnlyList<bool> isPreferred)
    {
        _lists = new OpenHeap[isPreferred.Count];
        _isPreferred = [.. isPreferred];
        _priority = new long[isPreferred.Count];
        for (var index = 0; index < _lists.Length; index++)
        {
            _lists[index] = new OpenHeap();
        }
    }

    /// <summary>One list per heuristic, then, when any heuristic prefers operators, one preferred list per heuristic.</summary>
    public static AlternationOpenList For(HeuristicSet heuristics)
    {
        var isPreferred = new bool[heuristics.UsesPreferred ? 2 * heuristics.Count : heuristics.Count];
        isPreferred.AsSpan(heuristics.Count).Fill(true);
        return new AlternationOpenList(isPreferred);
    }

    public void Push(int list, long key, long payload) => _lists[list].Push(key, payload);

    public bool TryPop(out long payload)
    {
        var best = -1;
        for (var index = 0; index < _lists.Length; index++)
        {
            if (_lists[index].Count > 0 && (best < 0 || _priority[index] < _priority[best]))
            {
                best = index;
            }
        }

        if (best < 0)
        {
            payload = 0;
            return false;
        }

        _priority[best]++;
        payload = _lists[best].Pop();
        return true;
    }

    public void BoostPreferred(int amount)
    {
        for (var index = 0; index < _lists.Length; index++)
        {
            if (_isPreferred[index])
            {
                _priority[index] -= amount;
            }
        }
    }

    public void Clear()
    {
        foreach (var list in _lists)
        {
            list.Clear();
        }

        Array.Clear(_priority);
    }
}
