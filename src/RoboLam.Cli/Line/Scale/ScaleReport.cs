using System.Globalization;
using System.Text;

namespace RoboLam.Cli.Line.Scale;

/// <summary>Latency of one leg of a command's trip, over the commands issued in the measured window.</summary>
internal sealed record LatencyFigures(long Count, TimeSpan Median, TimeSpan P99, TimeSpan Max)
{
    public static LatencyFigures Of(LatencyHistogram histogram) =>
        new(histogram.Count, histogram.Percentile(0.5), histogram.Percentile(0.99), histogram.Max);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {Ms(Median)}, p99 {Ms(P99)}, max {Ms(Max)} ({Count:N0} commands)");

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.00} ms");
}

/// <summary>Memory and processor use of the run (this process holds the controller, the devices and an embedded broker).</summary>
internal sealed record ResourceFigures(long PeakWorkingSet, long PeakGcHeap, long AllocatedPerCommand, double CoresUsed, int Gen0, int Gen1, int Gen2)
{
    /// <summary>Which garbage collector ran (its kind and heaps), since the figures depend on it.</summary>
    public string Collector { get; init; } = ProcessFigures.Collector();

    /// <summary>Peak resident memory and processor use of a Mosquitto this run started (null otherwise).</summary>
    public (long? PeakWorkingSet, double CoresUsed)? Broker { get; init; }
}

/// <summary>What stalls every command at once: the garbage collector's pauses and the wait in the thread pool's queue.</summary>
/// <param name="WorkItemsPerCommand">Thread-pool work items run in the window per completed command: every hop of a packet or a message between the rig's parts is one.</param>
internal sealed record StallFigures(LatencyFigures GcPauses, TimeSpan GcPauseTotal, LatencyFigures ThreadPoolLag, long LongestThreadPoolQueue, double WorkItemsPerCommand);

/// <summary>What the scale run measured; <see cref="Passed"/> is false when any command was lost, failed or ran twice.</summary>
internal sealed record ScaleReport(ScaleOptions Options, string Broker, TimeSpan Window, IReadOnlyList<CellTally> Cells)
{
    public long Issued => Cells.Sum(cell => cell.Issued);

    public long Completed => Cells.Sum(cell => cell.Completed);

    public long Failed => Cells.Sum(cell => cell.Failed);

    /// <summary>Issued commands whose end the controller never heard of.</summary>
    public long Lost => Cells.Sum(cell => cell.InFlight);

    public long CompletedInWindow => Cells.Sum(cell => cell.CompletedInWindow);

    public double CommandsPerSecond => Window > TimeSpan.Zero ? CompletedInWindow / Window.TotalSeconds : 0;

    public long PartsShipped => Cells.Sum(cell => cell.PartsShipped);

    /// <summary>Operations the simulated devices started: one per completed command, unless one ran twice or the controller missed an end.</summary>
    public required long Executions { get; init; }

    /// <summary>Commands a device ran again under an id it still remembered: must be zero (a forgotten id run again shows as more operations than commands).</summary>
    public required long RunTwice { get; init; }

    /// <summary>Commands that reached a device again under an id it had seen (answered as duplicates, not run).</summary>
    public required long DuplicatesAnswered { get; init; }

    public required LatencyFigures ToDevice { get; init; }

    /// <summary>Issued to the device's ack taken by the broker (its PUBACK back at the device): what is left to <see cref="ToAck"/> is the broker's delivery to the controller.</summary>
    public required LatencyFigures ToAckTaken { get; init; }

    public required LatencyFigures ToAck { get; init; }

    public required LatencyFigures ToFinished { get; init; }

    public required ResourceFigures Resources { get; init; }

    public StallFigures? Stalls { get; init; }

    public double? LoadBefore { get; init; }

    public double? LoadAfter { get; init; }

    /// <summary>Every command issued completed, exactly once on its device, and nothing was left unanswered.</summary>
    public bool Passed => Lost == 0 && Failed == 0 && RunTwice == 0 && Executions == Completed;

    public IEnumerable<string> FailureReasons => Cells.SelectMany(cell => cell.FailureReasons).Take(5);

    public string Summary()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        var resources = Resources;
        text.AppendLine(invariant, $"commands: {Issued:N0} issued, {Completed:N0} completed, {Failed:N0} failed, {Lost:N0} lost, {RunTwice:N0} run twice; devices performed {Executions:N0}, answered {DuplicatesAnswered:N0} repeats as duplicates; {PartsShipped:N0} parts through their lanes");
        text.AppendLine(invariant, $"throughput: {CommandsPerSecond:N0} commands/s completed over the {Window.TotalSeconds:0.0} s window (offered {(Options.Rate > 0 ? Options.Rate.ToString("N0", invariant) : "as many as the devices take")})");
        text.AppendLine(invariant, $"dispatch latency, issued -> device received: {ToDevice}");
        text.AppendLine(invariant, $"on the way, issued -> device's ack taken by the broker: {ToAckTaken}");
        text.AppendLine(invariant, $"dispatch latency, issued -> ack at the controller: {ToAck}");
        text.AppendLine(invariant, $"round trip, issued -> action finished at the driver: {ToFinished}");
        text.AppendLine(invariant, $"memory: peak working set {Mb(resources.PeakWorkingSet)}, peak GC heap {Mb(resources.PeakGcHeap)}, {resources.AllocatedPerCommand:N0} bytes allocated per command; GCs in the window gen0 {resources.Gen0}, gen1 {resources.Gen1}, gen2 {resources.Gen2} ({resources.Collector}); {resources.CoresUsed:0.00} cores busy");
        if (Stalls is { } stalls)
        {
            text.AppendLine(invariant, $"GC pauses: {stalls.GcPauses.Count:N0}, {stalls.GcPauseTotal.TotalMilliseconds:0} ms in all, p50 {stalls.GcPauses.Median.TotalMilliseconds:0.00} ms, p99 {stalls.GcPauses.P99.TotalMilliseconds:0.00} ms, max {stalls.GcPauses.Max.TotalMilliseconds:0.00} ms");
            text.AppendLine(invariant, $"thread-pool queue wait (10 ms probe): p50 {stalls.ThreadPoolLag.Median.TotalMilliseconds:0.00} ms, p99 {stalls.ThreadPoolLag.P99.TotalMilliseconds:0.00} ms, max {stalls.ThreadPoolLag.Max.TotalMilliseconds:0.00} ms; longest queue {stalls.LongestThreadPoolQueue:N0} items; {stalls.WorkItemsPerCommand:0} work items per command");
        }

        if (resources.Broker is { } broker)
        {
            text.AppendLine(invariant, $"mosquitto: peak working set {(broker.PeakWorkingSet is { } peak ? Mb(peak) : "unknown")}, {broker.CoresUsed:0.00} cores busy");
        }

        text.AppendLine(invariant, $"load average (1 min) before {Load(LoadBefore)}, after {Load(LoadAfter)}");
        foreach (var reason in FailureReasons)
        {
            text.AppendLine(invariant, $"failed: {reason}");
        }

        text.AppendLine(Passed ? "result: every command completed exactly once" : "result: FAILED: a command was lost, failed or ran twice");
        return text.ToString();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0} MiB");

    private static string Load(double? load) => load is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
}
