namespace RoboLam.Validation.Semantics;

/// <summary>
/// A predicate (or function) applied to objects, all as interned ids. The first four arguments are held
/// inline so that looking an atom up in a state allocates nothing for the usual arities.
/// </summary>
internal readonly struct GroundAtom : IEquatable<GroundAtom>
{
    private const int InlineCount = 4;

    private readonly int _argument0;
    private readonly int _argument1;
    private readonly int _argument2;
    private readonly int _argument3;
    private readonly int[]? _rest;

    public GroundAtom(int predicate, ReadOnlySpan<int> arguments)
    {
        Predicate = predicate;
        Arity = arguments.Length;
        _argument0 = arguments.Length > 0 ? arguments[0] : -1;
        _argument1 = arguments.Length > 1 ? arguments[1] : -1;
        _argument2 = arguments.Length > 2 ? arguments[2] : -1;
        _argument3 = arguments.Length > 3 ? arguments[3] : -1;
        _rest = arguments.Length > InlineCount ? arguments[InlineCount..].ToArray() : null;
    }

    public int Predicate { get; }

    /// <summary>The number of arguments.</summary>
    public int Arity { get; }

    public bool Equals(GroundAtom other)
    {
        if (Predicate != other.Predicate || Arity != other.Arity || _argument0 != other._argument0
            || _argument1 != other._argument1 || _argument2 != other._argument2 || _argument3 != other._argument3)
        {
            return false;
        }

        return _rest is null || _rest.AsSpan().SequenceEqual(other._rest);
    }

    public override bool Equals(object? obj) => obj is GroundAtom other && Equals(other);

    public override int GetHashCode()
    {
        var hash = HashCode.Combine(Predicate, _argument0, _argument1, _argument2, _argument3);
        if (_rest is not null)
        {
            foreach (var argument in _rest)
            {
                hash = HashCode.Combine(hash, argument);
            }
        }

        return hash;
    }

    public static bool operator ==(GroundAtom left, GroundAtom right) => left.Equals(right);

    public static bool operator !=(GroundAtom left, GroundAtom right) => !left.Equals(right);
}
