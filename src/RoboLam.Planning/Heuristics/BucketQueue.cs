namespace RoboLam.Planning.Heuristics;

/// <summary>
/// A priority queue for Dijkstra-style explorations whose keys never drop below the last key popped. Small keys
/// live in buckets (an array of linked lists, O(1) per operation); keys from <see cref="BucketLimit"/> on go to a
/// heap, so huge action costs stay correct. All storage is reused between explorations.
/// </summary>
internal sealed class BucketQueue
{
    private const int BucketLimit = 1 << 16;
    private const int Empty = -1;

    private readonly LongMinHeap _overflow = new();
    private int[] _head = CreateHeads(256);
    private int[] _next = new int[1024];
    private int[] _item = new int[1024];
    private int _entryCount;
    private int _current;
    private int _highest = -1;

    public int Count { get; private set; }

    public void Clear()
    {
        for (var key = _current; key <= _highest; key++)
        {
            _head[key] = Empty;
        }

        _current = 0;
        _highest = -1;
        _entryCount = 0;
        Count = 0;
        _overflow.Clear();
    }

    public void Push(int key, int item)
    {
        Count++;
        if (key >= BucketLimit)
        {
            _overflow.Push(LongMinHeap.Pack(key, item));
            return;
        }

        if (key >= _head.Length)
        {
            var grown = CreateHeads(Math.Min(BucketLimit, Math.Max(key + 1, _head.Length * 2)));
            Array.Copy(_head, grown, _head.Length);
            _head = grown;
        }

        if (_entryCount == _next.Length)
        {
            Array.Resize(ref _next, _next.Length * 2);
            Array.Resize(ref _item, _item.Length * 2);
        }

        // A key below the cursor only happens when a caller restarts from cheaper facts; moving the cursor keeps order.
        if (key < _current)
        {
            _current = key;
        }

        var entry = _entryCount++;
        _item[entry] = item;
        _next[entry] = _head[key];
        _head[key] = entry;
        if (key > _highest)
        {
            _highest = key;
        }
    }

    /// <summary>Removes an entry with the smallest key; the queue must not be empty.</summary>
    public int Pop(out int key)
    {
        Count--;
        while (_current <= _highest && _head[_current] == Empty)
        {
            _current++;
        }

        if (_current > _highest || (_overflow.Count > 0 && LongMinHeap.CostOf(_overflow.Peek()) < _current))
        {
            var packed = _overflow.Pop();
            key = LongMinHeap.CostOf(packed);
            return LongMinHeap.ItemOf(packed);
        }

        var entry = _head[_current];
        _head[_current] = _next[entry];
        key = _current;
        return _item[entry];
    }

    private static int[] CreateHeads(int length)
    {
        var heads = new int[length];
        Array.Fill(heads, Empty);
        return heads;
    }
}
