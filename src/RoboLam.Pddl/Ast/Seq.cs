using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboLam.Pddl.Ast;

/// <summary>
/// An immutable list with value equality, so that AST records compare by content
/// (parse → write → parse must give an equal tree).
/// </summary>
[CollectionBuilder(typeof(Seq), nameof(Seq.Create))]
public sealed class Seq<T> : IReadOnlyList<T>, IEquatable<Seq<T>>
{
    public static readonly Seq<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    internal Seq(ImmutableArray<T> items)
    {
        _items = items;
    }

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    public bool Equals(Seq<T>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as Seq<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

public static class Seq
{
    public static Seq<T> Create<T>(ReadOnlySpan<T> items) =>
        items.Length == 0 ? Seq<T>.Empty : new Seq<T>(ImmutableArray.Create(items));

    public static Seq<T> From<T>(IEnumerable<T> items)
    {
        var array = items.ToImmutableArray();
        return array.Length == 0 ? Seq<T>.Empty : new Seq<T>(array);
    }

    public static Seq<T> ToSeq<T>(this IEnumerable<T> items) => From(items);

    /// <summary>Wraps an array without copying it; the caller hands it over and must not change it afterwards.</summary>
    internal static Seq<T> Own<T>(T[] items) =>
        items.Length == 0 ? Seq<T>.Empty : new Seq<T>(ImmutableCollectionsMarshal.AsImmutableArray(items));
}
