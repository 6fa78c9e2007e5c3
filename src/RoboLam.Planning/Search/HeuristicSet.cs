using RoboLam.Planning.Heuristics;

namespace RoboLam.Planning.Search;

/// <summary>The heuristics of a search, evaluated together; keeps the latest estimates and the best seen (for progress).</summary>
internal sealed class HeuristicSet
{
    private readonly Heuristic[] _heuristics;
    private readonly bool[] _givesPreferred;
    private readonly int[] _best;

    public HeuristicSet(IReadOnlyList<Heuristic> heuristics, bool usePreferred)
    {
        _heuristics = [.. heuristics];
        _givesPreferred = _heuristics.Select(heuristic => usePreferred && heuristic.ProducesPreferredOperators).ToArray();
        UsesPreferred = _givesPreferred.Any(gives => gives);
        Values = new int[_heuristics.Length];
        _best = new int[_heuristics.Length];
        Array.Fill(_best, int.MaxValue);
    }

    public int Count => _heuristics.Length;

    /// <summary>True when at least one heuristic marks preferred operators in this search.</summary>
    public bool UsesPreferred { get; }

    /// <summary>Estimates of the latest <see cref="Evaluate"/>.</summary>
    public int[] Values { get; }

    public void OnInitialState(int stateId, ReadOnlySpan<ulong> state)
    {
        foreach (var heuristic in _heuristics)
        {
            heuristic.OnInitialState(stateId, state);
        }
    }

    public void OnTransition(int parentId, int op, int childId, ReadOnlySpan<ulong> child)
    {
        foreach (var heuristic in _heuristics)
        {
            heuristic.OnTransition(parentId, op, childId, child);
        }
    }

    /// <summary>Evaluates the context's state; false at a dead end (the remaining heuristics are skipped).</summary>
    public bool Evaluate(EvaluationContext context, bool collectPreferred)
    {
        for (var index = 0; index < _heuristics.Length; index++)
        {
            context.CollectPreferred = collectPreferred && _givesPreferred[index];
            var value = _heuristics[index].Evaluate(context);
            Values[index] = value;
            if (value == Heuristic.DeadEnd)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collects only the preferred operators (eager search, at expansion); false at a dead end.</summary>
    public bool CollectPreferredOnly(EvaluationContext context)
    {
        for (var index = 0; index < _heuristics.Length; index++)
        {
            if (_givesPreferred[index])
            {
                context.CollectPreferred = true;
                if (_heuristics[index].Evaluate(context) == Heuristic.DeadEnd)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when the latest estimates improve on the best so far for some heuristic (and records them).</summary>
    public bool RecordProgress()
    {
        var progress = false;
        for (var index = 0; index < Values.Length; index++)
        {
            if (Values[index] < _best[index])
            {
                _best[index] = Values[index];
                progress = true;
            }
        }

        return progress;
    }
}
