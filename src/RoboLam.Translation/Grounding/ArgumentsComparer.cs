namespace RoboLam.Translation.Grounding;

/// <summary>Compares argument arrays by content, so they can key hash tables of facts.</summary>
internal sealed class ArgumentsComparer : IEqualityComparer<int[]>
{
    public static readonly ArgumentsComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var hash = (uint)obj.Length;
        foreach (var value in obj)
        {
            hash = (hash ^ (uint)value) * 16777619u;
            hash = (hash << 13) | (hash >> 19);
        }

        return (int)hash;
    }
}
