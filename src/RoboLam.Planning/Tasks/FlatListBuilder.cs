namespace RoboLam.Planning.Tasks;

/// <summary>Collects a list of int lists into one start-offset array and one data array (a CSR layout).</summary>
internal sealed class FlatListBuilder
{
    private readonly List<int> _start = [0];
    private readonly List<int> _items = [];

    public int Count => _start.Count - 1;

    public void Add(IEnumerable<int> items)
    {
        _items.AddRange(items);
        _start.Add(_items.Count);
    }

    public (int[] Start, int[] Items) Build() => ([.. _start], [.. _items]);

    /// <summary>Inverts a flat list: for every item value v in 0..valueCount-1, the indices of the lists that contain v.</summary>
    public static (int[] Start, int[] Items) Invert(int[] start, int[] items, int valueCount)
    {
        var counts = new int[valueCount + 1];
        foreach (var item in items)
        {
            counts[item + 1]++;
        }

        for (var value = 0; value < valueCount; value++)
        {
            counts[value + 1] += counts[value];
        }

        var result = new int[items.Length];
        var fill = (int[])counts.Clone();
        var listCount = start.Length - 1;
        for (var list = 0; list < listCount; list++)
        {
            for (var position = start[list]; position < start[list + 1]; position++)
            {
                result[fill[items[position]]++] = list;
            }
        }

        return (counts, result);
    }
}
