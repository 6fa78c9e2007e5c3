using System.Diagnostics;

namespace RoboLam.Planning.Search;

/// <summary>
/// Watches time, memory and cancellation. <see cref="Check"/> is cheap (a token read and a timestamp) so searches
/// call it once per expansion, which keeps cancellation well inside 50 ms; memory is sampled every 1024 calls.
/// </summary>
internal sealed class SearchBudget
{
    private const int MemorySampleInterval = 1024;

    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _deadlineTimestamp;
    private readonly long _memoryLimitBytes;
    private readonly CancellationToken _cancellationToken;
    private int _callsUntilMemorySample;

    public SearchBudget(SearchLimits limits, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _memoryLimitBytes = limits.MemoryLimitBytes;
        _deadlineTimestamp = limits.TimeLimit == Timeout.InfiniteTimeSpan || limits.TimeLimit.Ticks >= TimeSpan.FromDays(365).Ticks
            ? long.MaxValue
            : _startTimestamp + (long)(limits.TimeLimit.TotalSeconds * Stopwatch.Frequency);
        SampleMemory();
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);

    public long PeakMemoryBytes { get; private set; }

    public CancellationToken CancellationToken => _cancellationToken;

    /// <summary>Returns the outcome that must end the search now, or null to go on.</summary>
    public SearchOutcome? Check()
    {
        if (_cancellationToken.IsCancellationRequested)
        {
            return SearchOutcome.Cancelled;
        }

        if (Stopwatch.GetTimestamp() > _deadlineTimestamp)
        {
            return SearchOutcome.TimeLimit;
        }

        if (--_callsUntilMemorySample <= 0)
        {
            _callsUntilMemorySample = MemorySampleInterval;
            if (SampleMemory() > _memoryLimitBytes)
            {
                return SearchOutcome.MemoryLimit;
            }
        }

        return null;
    }

    public long SampleMemory()
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: false);
        PeakMemoryBytes = Math.Max(PeakMemoryBytes, bytes);
        return bytes;
    }
}
