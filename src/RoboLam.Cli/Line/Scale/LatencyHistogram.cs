using System.Diagnostics;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// Latencies in fixed buckets, recorded from any thread without allocating: 10 µs wide up to 100 ms, 1 ms wide up to
/// a minute (longer ones count in the last bucket). Percentiles are read at the upper edge of their bucket.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long FineWidthMicros = 10;
    private const long FineLimitMicros = 100_000;
    private const long CoarseWidthMicros = 1_000;
    private const long CoarseLimitMicros = 60_000_000;
    private const int FineBuckets = (int)(FineLimitMicros / FineWidthMicros);
    private const int CoarseBuckets = (int)((CoarseLimitMicros - FineLimitMicros) / CoarseWidthMicros);

    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets];
    private long _count;
    private long _maxTicks;

    public long Count => Interlocked.Read(ref _count);

    public TimeSpan Max => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _maxTicks));

    /// <summary>A duration measured some other way (a GC pause from the runtime's events).</summary>
    public void Record(TimeSpan duration) => Record(0, (long)(duration.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="endTimestamp"/>.</summary>
    public void Record(long startTimestamp, long endTimestamp)
    {
        var ticks = Math.Max(0, endTimestamp - startTimestamp);
        var micros = ticks * 1_000_000 / Stopwatch.Frequency;
        var bucket = micros < FineLimitMicros
            ? (int)(micros / FineWidthMicros)
            : FineBuckets + (int)Math.Min(CoarseBuckets - 1, (micros - FineLimitMicros) / CoarseWidthMicros);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>The latency below which <paramref name="quantile"/> of the recorded ones lie (zero when nothing was recorded).</summary>
    public TimeSpan Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank)
            {
                var upperMicros = bucket < FineBuckets
                    ? (bucket + 1) * FineWidthMicros
                    : FineLimitMicros + ((bucket - FineBuckets + 1) * CoarseWidthMicros);
                return TimeSpan.FromMicroseconds(Math.Min(upperMicros, Max.TotalMicroseconds));
            }
        }

        return Max;
    }
}
