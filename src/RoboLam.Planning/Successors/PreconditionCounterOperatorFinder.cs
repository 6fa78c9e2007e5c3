using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Successors;

/// <summary>
/// Finds applicable operators by counting, for every true fact, the operators it satisfies a precondition of; an
/// operator is applicable when its count reaches its precondition size. Kept as the measured alternative to
/// <see cref="DecisionTreeOperatorFinder"/> and as an independent check of it in tests.
/// </summary>
internal sealed class PreconditionCounterOperatorFinder : IApplicableOperatorFinder
{
    private readonly int[] _preconditionOfStart;
    private readonly int[] _preconditionOf;
    private readonly int[] _preconditionSize;
    private readonly int[] _noPrecondition;
    private readonly int[] _counters;
    private readonly int[] _touched;
    private readonly int[] _facts;

    public PreconditionCounterOperatorFinder(SearchTask task)
    {
        (_preconditionOfStart, _preconditionOf) = FlatListBuilder.Invert(task.PreconditionStart, task.PreconditionFacts, task.FactCount);
        _preconditionSize = new int[task.OperatorCount];
        var noPrecondition = new List<int>();
        for (var op = 0; op < task.OperatorCount; op++)
        {
            _preconditionSize[op] = task.PreconditionStart[op + 1] - task.PreconditionStart[op];
            if (_preconditionSize[op] == 0)
            {
                noPrecondition.Add(op);
            }
        }

        _noPrecondition = [.. noPrecondition];
        _counters = new int[task.OperatorCount];
        _touched = new int[task.OperatorCount];
        _facts = new int[Math.Max(1, task.FactCount)];
    }

    public void Find(ReadOnlySpan<ulong> state, List<int> result)
    {
        result.Clear();
        result.AddRange(_noPrecondition);
        var touchedCount = 0;
        var factCount = PackedState.ListFacts(state, _facts);
        for (var index = 0; index < factCount; index++)
        {
            var fact = _facts[index];
            for (var position = _preconditionOfStart[fact]; position < _preconditionOfStart[fact + 1]; position++)
            {
                var op = _preconditionOf[position];
                if (_counters[op]++ == 0)
                {
                    _touched[touchedCount++] = op;
                }

                if (_counters[op] == _preconditionSize[op])
                {
                    result.Add(op);
                }
            }
        }

        for (var index = 0; index < touchedCount; index++)
        {
            _counters[_touched[index]] = 0;
        }
    }
}
