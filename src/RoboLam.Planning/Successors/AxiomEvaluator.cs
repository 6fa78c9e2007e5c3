using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Successors;

/// <summary>
/// Computes the derived facts of a state from its basic facts: every derived fact starts false, then the layers are
/// evaluated bottom-up, each to a fixpoint by counting the unsatisfied body facts of every rule (negation as
/// failure on <see cref="GroundAxiom.NegatedBody"/>, which only names facts of lower layers, already final).
/// </summary>
internal sealed class AxiomEvaluator
{
    private readonly int[] _layerStart;
    private readonly int[] _head;
    private readonly int[] _bodyStart;
    private readonly int[] _bodyFacts;
    private readonly int[] _negatedStart;
    private readonly int[] _negatedFacts;
    private readonly int[] _layerOfAxiom;
    private readonly int[] _bodyOfStart;
    private readonly int[] _bodyOf;
    private readonly ulong[] _basicMask;
    private readonly int[] _unsatisfied;
    private readonly int[] _queue;

    public AxiomEvaluator(SearchTask task)
    {
        var axioms = task.Source.Axioms.OrderBy(axiom => axiom.Layer).ToArray();
        HasAxioms = axioms.Length > 0;
        var bodies = new FlatListBuilder();
        var negated = new FlatListBuilder();
        _head = new int[axioms.Length];
        _layerOfAxiom = new int[axioms.Length];
        var layerStart = new List<int>();
        for (var index = 0; index < axioms.Length; index++)
        {
            var axiom = axioms[index];
            if (index == 0 || axiom.Layer != axioms[index - 1].Layer)
            {
                layerStart.Add(index);
            }

            _head[index] = axiom.Head;
            _layerOfAxiom[index] = layerStart.Count - 1;
            bodies.Add(SearchTask.SortedDistinct(axiom.Body));
            negated.Add(SearchTask.SortedDistinct(axiom.NegatedBody));
        }

        layerStart.Add(axioms.Length);
        _layerStart = [.. layerStart];
        (_bodyStart, _bodyFacts) = bodies.Build();
        (_negatedStart, _negatedFacts) = negated.Build();
        (_bodyOfStart, _bodyOf) = FlatListBuilder.Invert(_bodyStart, _bodyFacts, task.FactCount);
        _basicMask = new ulong[task.WordCount];
        Array.Fill(_basicMask, ulong.MaxValue);
        foreach (var fact in task.Source.DerivedFacts)
        {
            PackedState.Remove(_basicMask, fact);
        }

        _unsatisfied = new int[axioms.Length];
        _queue = new int[Math.Max(1, task.FactCount)];
    }

    public bool HasAxioms { get; }

    /// <summary>Replaces the derived facts of <paramref name="state"/> by the ones its basic facts imply.</summary>
    public void Evaluate(Span<ulong> state)
    {
        if (!HasAxioms)
        {
            return;
        }

        for (var word = 0; word < state.Length; word++)
        {
            state[word] &= _basicMask[word];
        }

        for (var layer = 0; layer < _layerStart.Length - 1; layer++)
        {
            EvaluateLayer(state, layer);
        }
    }

    private void EvaluateLayer(Span<ulong> state, int layer)
    {
        var first = _layerStart[layer];
        var end = _layerStart[layer + 1];
        var queueLength = 0;

        // Count first, fire afterwards: a head set while counting would otherwise be counted twice.
        for (var axiom = first; axiom < end; axiom++)
        {
            _unsatisfied[axiom] = IsBlockedByNegation(state, axiom) ? -1 : CountFalse(state, axiom);
        }

        for (var axiom = first; axiom < end; axiom++)
        {
            if (_unsatisfied[axiom] == 0)
            {
                Fire(state, axiom, ref queueLength);
            }
        }

        for (var position = 0; position < queueLength; position++)
        {
            var fact = _queue[position];
            for (var index = _bodyOfStart[fact]; index < _bodyOfStart[fact + 1]; index++)
            {
                var axiom = _bodyOf[index];
                if (_layerOfAxiom[axiom] == layer && _unsatisfied[axiom] > 0 && --_unsatisfied[axiom] == 0)
                {
                    Fire(state, axiom, ref queueLength);
                }
            }
        }
    }

    private void Fire(Span<ulong> state, int axiom, ref int queueLength)
    {
        var head = _head[axiom];
        if (!PackedState.Contains(state, head))
        {
            PackedState.Add(state, head);
            _queue[queueLength++] = head;
        }
    }

    private bool IsBlockedByNegation(Span<ulong> state, int axiom)
    {
        for (var position = _negatedStart[axiom]; position < _negatedStart[axiom + 1]; position++)
        {
            if (PackedState.Contains(state, _negatedFacts[position]))
            {
                return true;
            }
        }

        return false;
    }

    private int CountFalse(Span<ulong> state, int axiom)
    {
        var count = 0;
        for (var position = _bodyStart[axiom]; position < _bodyStart[axiom + 1]; position++)
        {
            if (!PackedState.Contains(state, _bodyFacts[position]))
            {
                count++;
            }
        }

        return count;
    }
}
