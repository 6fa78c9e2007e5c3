namespace RoboLam.Planning.Search;

/// <summary>
/// A min-heap of search entries ordered by a 64-bit key, ties broken first-in first-out by an insertion number,
/// in one reusable struct array. The payload is a state id or a packed (parent, operator) pair.
/// </summary>
internal sealed class OpenHeap
{
    private Entry[] _entries = new Entry[1024];
    private long _nextSequence;

    public int Count { get; private set; }

    public void Push(long key, long payload)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var entry = new Entry(key, _nextSequence++, payload);
        var entries = _entries;
        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Less(entry, entries[parent]))
            {
                break;
            }

            entries[index] = entries[parent];
            index = parent;
        }

        entries[index] = entry;
    }

    public long Pop()
    {
        var entries = _entries;
        var result = entries[0].Payload;
        var last = entries[--Count];
        var count = Count;
        var index = 0;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Less(entries[child + 1], entries[child]))
            {
                child++;
            }

            if (!Less(entries[child], last))
            {
                break;
            }

            entries[index] = entries[child];
            index = child;
        }

        if (count > 0)
        {
            entries[index] = last;
        }

        return result;
    }

    public void Clear() => Count = 0;

    private static bool Less(in Entry left, in Entry right) =>
        left.Key < right.Key || (left.Key == right.Key && left.Sequence < right.Sequence);

    private readonly record struct Entry(long Key, long Sequence, long Payload);
}
