using RoboLam.Planning.States;

namespace RoboLam.Planning.Search;

/// <summary>
/// The states a search has met, each stored once in a <see cref="StateRegistry"/>, with per-state search data in
/// parallel arrays indexed by state id: parent, creating operator, cost so far, status.
/// </summary>
internal sealed class SearchSpace
{
    public const int NoParent = -1;

    private int[] _parent = new int[1024];
    private int[] _operator = new int[1024];
    private int[] _costSoFar = new int[1024];
    private NodeStatus[] _status = new NodeStatus[1024];

    public SearchSpace(int wordCount)
    {
        Registry = new StateRegistry(wordCount);
    }

    public StateRegistry Registry { get; }

    public int Count => Registry.Count;

    /// <summary>Returns the id of <paramref name="state"/>; a new state starts with no parent, infinite cost and status New.</summary>
    public int Insert(ReadOnlySpan<ulong> state, out bool isNew)
    {
        var id = Registry.Insert(state, out isNew);
        if (isNew)
        {
            if (id == _parent.Length)
            {
                var capacity = _parent.Length * 2;
                Array.Resize(ref _parent, capacity);
                Array.Resize(ref _operator, capacity);
                Array.Resize(ref _costSoFar, capacity);
                Array.Resize(ref _status, capacity);
            }

            _parent[id] = NoParent;
            _operator[id] = -1;
            _costSoFar[id] = int.MaxValue;
            _status[id] = NodeStatus.New;
        }

        return id;
    }

    public ReadOnlySpan<ulong> GetState(int id) => Registry.Get(id);

    public int CostSoFar(int id) => _costSoFar[id];

    public NodeStatus Status(int id) => _status[id];

    public void SetStatus(int id, NodeStatus status) => _status[id] = status;

    /// <summary>Records that <paramref name="id"/> is reached from <paramref name="parent"/> by <paramref name="op"/> at cost <paramref name="costSoFar"/>.</summary>
    public void SetPath(int id, int parent, int op, int costSoFar)
    {
        _parent[id] = parent;
        _operator[id] = op;
        _costSoFar[id] = costSoFar;
    }

    /// <summary>The operators from the initial state to <paramref name="id"/>.</summary>
    public List<int> ExtractPlan(int id)
    {
        var plan = new List<int>();
        for (var current = id; _parent[current] != NoParent; current = _parent[current])
        {
            plan.Add(_operator[current]);
        }

        plan.Reverse();
        return plan;
    }
}

internal enum NodeStatus : byte
{
    New,
    Open,
    Closed,
    DeadEnd,
}
