using System.Diagnostics.Tracing;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// Every garbage collection's pause (the runtime suspending the threads until it restarts them), from the runtime's
/// own GC events, so that a scale run can tell its latency tail from the collector's pauses.
/// </summary>
internal sealed class GcPauseListener : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;

    private readonly object _gate = new();
    private DateTime? _suspendedAt;
    private bool _measuring;
    private TimeSpan _total;

    public LatencyHistogram Pauses { get; } = new();

    public TimeSpan Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Pauses from now on are counted.</summary>
    public void StartMeasuring()
    {
        lock (_gate)
        {
            _measuring = true;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        lock (_gate)
        {
            if (eventData.EventId == SuspendBegin)
            {
                _suspendedAt = eventData.TimeStamp;
            }
            else if (eventData.EventId == RestartEnd && _suspendedAt is { } from)
            {
                _suspendedAt = null;
                if (_measuring)
                {
                    var pause = eventData.TimeStamp - from;
                    _total += pause;
                    Pauses.Record(pause);
                }
            }
        }
    }
}
