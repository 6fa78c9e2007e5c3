using System.Diagnostics;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// How long work waits in the thread pool's queue: every 10 ms a dedicated thread queues a tiny work item and
/// the item records how late it ran. Every hop of a command (MQTT clients, broker sessions, task continuations) waits
/// in that queue, so its tail is a floor under the commands' tail. Also keeps the longest queue seen.
/// </summary>
internal sealed class ThreadPoolLagProbe : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _measuring;
    private long _longestQueue;

    // Every 10 ms: a probe every millisecond kept the pool's threads awake and cost about 0.15 of a core.
    private const int PeriodMilliseconds = 10;

    public ThreadPoolLagProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "thread-pool lag probe" };
        _thread.Start();
    }

    public LatencyHistogram Lag { get; } = new();

    public long LongestQueue => Interlocked.Read(ref _longestQueue);

    public void StartMeasuring() => _measuring = true;

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stopping)
        {
            Thread.Sleep(PeriodMilliseconds);
            if (!_measuring)
            {
                continue;
            }

            var queued = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Probe.Lag.Record(state.Queued, Stopwatch.GetTimestamp()), (Probe: this, Queued: queued), preferLocal: false);
            var pending = ThreadPool.PendingWorkItemCount;
            if (pending > Interlocked.Read(ref _longestQueue))
            {
                Interlocked.Exchange(ref _longestQueue, pending);
            }
        }
    }
}
