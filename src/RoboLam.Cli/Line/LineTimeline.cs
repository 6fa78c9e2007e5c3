using System.Diagnostics;

namespace RoboLam.Cli.Line;

/// <summary>One action as it ran: on which device, from when to when (since the order was submitted), and how it ended.</summary>
internal sealed record TimelineBar(string ActionId, string Action, string Device, TimeSpan Start, TimeSpan End, string Result)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>Collects when each action started and ended, on the observer's thread, for the report and the Gantt chart.</summary>
internal sealed class LineTimeline
{
    private readonly object _gate = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, (string Action, string Device, TimeSpan Start)> _open = new(StringComparer.Ordinal);
    private readonly List<TimelineBar> _bars = [];
    private readonly TaskCompletionSource _firstStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    /// <summary>Completes when the first action is dispatched: scenario events count their time from there.</summary>
    public Task FirstStart => _firstStart.Task;

    public IReadOnlyList<TimelineBar> Bars
    {
        get
        {
            lock (_gate)
            {
                return [.. _bars.OrderBy(bar => bar.Start)];
            }
        }
    }

    /// <summary>How many actions were running at once at most (1 for strictly sequential execution).</summary>
    public int PeakConcurrency
    {
        get
        {
            var bars = Bars;
            return bars.Count == 0 ? 0 : bars.Max(bar => bars.Count(other => other.Start <= bar.Start && other.End > bar.Start));
        }
    }

    public void Started(string actionId, string action, string device)
    {
        lock (_gate)
        {
            _open[actionId] = (action, device, Now);
        }

        _firstStart.TrySetResult();
    }

    public void Ended(string actionId, string result)
    {
        lock (_gate)
        {
            if (_open.Remove(actionId, out var open))
            {
                _bars.Add(new TimelineBar(actionId, open.Action, open.Device, open.Start, Now, result));
            }
        }
    }
}
