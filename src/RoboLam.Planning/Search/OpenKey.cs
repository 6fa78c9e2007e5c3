namespace RoboLam.Planning.Search;

/// <summary>Open-list keys: greedy searches order by h; weighted ones by g + w·h, then by h (deeper first among equals).</summary>
internal static class OpenKey
{
    public static long For(int weight, int costSoFar, int estimate)
    {
        if (weight == 0)
        {
            return estimate;
        }

        var priority = costSoFar + ((long)weight * estimate);
        return (priority << 32) | (uint)estimate;
    }
}
