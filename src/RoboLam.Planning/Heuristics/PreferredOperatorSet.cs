namespace RoboLam.Planning.Heuristics;

/// <summary>A set of operator ids that clears in O(1) by bumping a generation stamp.</summary>
internal sealed class PreferredOperatorSet
{
    private readonly int[] _stamp;
    private int _generation = 1;

    public PreferredOperatorSet(int operatorCount)
    {
        _stamp = new int[operatorCount];
    }

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    public void Add(int op)
    {
        if (_stamp[op] != _generation)
        {
            _stamp[op] = _generation;
            Count++;
        }
    }

    public bool Contains(int op) => _stamp[op] == _generation;
}
