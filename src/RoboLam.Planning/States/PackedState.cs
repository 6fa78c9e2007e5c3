using System.Numerics;
using System.Runtime.CompilerServices;

namespace RoboLam.Planning.States;

/// <summary>Bit operations on a state packed as 64-bit words, fact f living in word f/64, bit f%64.</summary>
internal static class PackedState
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(ReadOnlySpan<ulong> state, int fact) => (state[fact >> 6] & (1UL << (fact & 63))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<ulong> state, int fact) => state[fact >> 6] |= 1UL << (fact & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Remove(Span<ulong> state, int fact) => state[fact >> 6] &= ~(1UL << (fact & 63));

    /// <summary>True when every fact of <paramref name="facts"/>[start..end) holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ContainsAll(ReadOnlySpan<ulong> state, int[] facts, int start, int end)
    {
        for (var position = start; position < end; position++)
        {
            var fact = facts[position];
            if ((state[fact >> 6] & (1UL << (fact & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the true facts of <paramref name="state"/> into <paramref name="facts"/> and returns how many.</summary>
    public static int ListFacts(ReadOnlySpan<ulong> state, int[] facts)
    {
        var count = 0;
        for (var word = 0; word < state.Length; word++)
        {
            var bits = state[word];
            while (bits != 0)
            {
                facts[count++] = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }

        return count;
    }

    /// <summary>A 32-bit hash of the words (multiply-rotate mixing; states differ in few bits, so every bit must spread).</summary>
    public static int Hash(ReadOnlySpan<ulong> state)
    {
        var hash = 0x9E3779B97F4A7C15UL;
        foreach (var word in state)
        {
            hash = BitOperations.RotateLeft((hash ^ word) * 0xBF58476D1CE4E5B9UL, 29);
        }

        hash ^= hash >> 32;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 29;
        return (int)hash;
    }
}
