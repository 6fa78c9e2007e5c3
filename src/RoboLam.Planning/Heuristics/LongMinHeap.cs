using System.Runtime.CompilerServices;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// A binary min-heap of 64-bit keys in a reusable array; relaxed explorations pack (cost &lt;&lt; 32 | fact) into one
/// key so that no comparer or tuple is involved.
/// </summary>
internal sealed class LongMinHeap
{
    private long[] _items = new long[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public long Peek() => _items[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Pack(int cost, int item) => ((long)cost << 32) | (uint)item;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CostOf(long key) => (int)(key >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ItemOf(long key) => (int)(uint)key;

    public void Push(long key)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (items[parent] <= key)
            {
                break;
            }

            items[index] = items[parent];
            index = parent;
        }

        items[index] = key;
    }

    public long Pop()
    {
        var items = _items;
        var result = items[0];
        var last = items[--Count];
        var count = Count;
        var index = 0;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && items[child + 1] < items[child])
            {
                child++;
            }

            if (items[child] >= last)
            {
                break;
            }

            items[index] = items[child];
            index = child;
        }

        if (count > 0)
        {
            items[index] = last;
        }

        return result;
    }
}
