namespace RoboLam.Planning.States;

/// <summary>
/// Stores every distinct state once, packed, in one growing word buffer, and maps states to dense int ids with an
/// open-addressing hash table. Each state is hashed once, when it is inserted; the hash is kept for resizing.
/// </summary>
internal sealed class StateRegistry
{
    private const int EmptySlot = -1;

    private readonly int _wordCount;
    private ulong[] _words;
    private int[] _hashes;
    private int[] _table;
    private int _tableMask;

    public StateRegistry(int wordCount, int initialCapacity = 1024)
    {
        _wordCount = wordCount;
        initialCapacity = Math.Max(16, initialCapacity);
        _words = new ulong[(long)initialCapacity * wordCount];
        _hashes = new int[initialCapacity];
        var tableSize = 1 << 11;
        while (tableSize < initialCapacity * 2)
        {
            tableSize <<= 1;
        }

        _table = new int[tableSize];
        Array.Fill(_table, EmptySlot);
        _tableMask = tableSize - 1;
    }

    public int Count { get; private set; }

    public int WordCount => _wordCount;

    /// <summary>The packed words of state <paramref name="id"/>; valid until the next <see cref="Insert"/>.</summary>
    public ReadOnlySpan<ulong> Get(int id) => new(_words, id * _wordCount, _wordCount);

    public void CopyTo(int id, Span<ulong> destination) => Get(id).CopyTo(destination);

    /// <summary>Returns the id of <paramref name="state"/>, adding it when it is new.</summary>
    public int Insert(ReadOnlySpan<ulong> state, out bool isNew)
    {
        var hash = PackedState.Hash(state);
        var slot = hash & _tableMask;
        while (true)
        {
            var id = _table[slot];
            if (id == EmptySlot)
            {
                break;
            }

            if (_hashes[id] == hash && state.SequenceEqual(Get(id)))
            {
                isNew = false;
                return id;
            }

            slot = (slot + 1) & _tableMask;
        }

        var newId = Count;
        if (newId == _hashes.Length)
        {
            GrowStorage();
        }

        state.CopyTo(new Span<ulong>(_words, newId * _wordCount, _wordCount));
        _hashes[newId] = hash;
        _table[slot] = newId;
        Count++;
        if (Count * 2 > _table.Length)
        {
            GrowTable();
        }

        isNew = true;
        return newId;
    }

    /// <summary>Returns the id of <paramref name="state"/> or -1 when it was never inserted.</summary>
    public int Find(ReadOnlySpan<ulong> state)
    {
        var hash = PackedState.Hash(state);
        for (var slot = hash & _tableMask; _table[slot] != EmptySlot; slot = (slot + 1) & _tableMask)
        {
            var id = _table[slot];
            if (_hashes[id] == hash && state.SequenceEqual(Get(id)))
            {
                return id;
            }
        }

        return -1;
    }

    private void GrowStorage()
    {
        var capacity = _hashes.Length * 2;
        Array.Resize(ref _hashes, capacity);
        Array.Resize(ref _words, checked(capacity * _wordCount));
    }

    private void GrowTable()
    {
        var size = _table.Length * 2;
        _table = new int[size];
        Array.Fill(_table, EmptySlot);
        _tableMask = size - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & _tableMask;
            while (_table[slot] != EmptySlot)
            {
                slot = (slot + 1) & _tableMask;
            }

            _table[slot] = id;
        }
    }
}
