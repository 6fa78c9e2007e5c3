using System.Collections.Concurrent;
using System.Diagnostics;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// Times every command of the scale run from the moment its cell's driver issues it to the device actor: when the
/// simulated device's MQTT client receives it, when the controller's device proxy hears the device's ack, and when the
/// driver hears the action finished. Only commands issued after the warm-up are recorded.
/// </summary>
internal sealed class DispatchProbe
{
    private readonly ConcurrentDictionary<string, long> _issued = new(StringComparer.Ordinal);
    private long _measureFrom = long.MaxValue;

    public LatencyHistogram ToDevice { get; } = new();

    public LatencyHistogram ToAck { get; } = new();

    public LatencyHistogram ToFinished { get; } = new();

    /// <summary>Commands issued from now on are measured.</summary>
    public void StartMeasuring(long timestamp) => Interlocked.Exchange(ref _measureFrom, timestamp);

    public void Issued(string commandId, long timestamp)
    {
        if (timestamp >= Interlocked.Read(ref _measureFrom))
        {
            _issued[commandId] = timestamp;
        }
    }

    public void DeviceReceived(string commandId)
    {
        if (_issued.TryGetValue(commandId, out var issued))
        {
            ToDevice.Record(issued, Stopwatch.GetTimestamp());
        }
    }

    public void Acknowledged(string commandId)
    {
        if (_issued.TryGetValue(commandId, out var issued))
        {
            ToAck.Record(issued, Stopwatch.GetTimestamp());
        }
    }

    public void Finished(string commandId, long timestamp)
    {
        if (_issued.TryRemove(commandId, out var issued))
        {
            ToFinished.Record(issued, timestamp);
        }
    }
}
