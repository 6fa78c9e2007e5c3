using System.Collections.Concurrent;
using System.Diagnostics;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// Times every command of the scale run from the moment its cell's driver issues it to the device actor: when the
/// simulated device's MQTT client receives it, when the broker takes the device's ack, when the controller's device
/// proxy hears that ack, and when the driver hears the action finished. Only commands issued after the warm-up are recorded.
/// </summary>
internal sealed class DispatchProbe
{
    private readonly ConcurrentDictionary<string, Trip> _issued = new(StringComparer.Ordinal);
    private long _measureFrom = long.MaxValue;

    public LatencyHistogram ToDevice { get; } = new();

    public LatencyHistogram ToAckTaken { get; } = new();

    public LatencyHistogram ToAck { get; } = new();

    public LatencyHistogram ToFinished { get; } = new();

    /// <summary>Commands issued from now on are measured.</summary>
    public void StartMeasuring(long timestamp) => Interlocked.Exchange(ref _measureFrom, timestamp);

    public void Issued(string commandId, long timestamp)
    {
        if (timestamp >= Interlocked.Read(ref _measureFrom))
        {
            _issued[commandId] = new Trip(timestamp);
        }
    }

    public void DeviceReceived(string commandId)
    {
        if (_issued.TryGetValue(commandId, out var trip))
        {
            ToDevice.Record(trip.Issued, Stopwatch.GetTimestamp());
        }
    }

    public void AckTaken(string commandId) => Close(commandId, ToAckTaken, Stopwatch.GetTimestamp());

    public void Acknowledged(string commandId)
    {
        if (_issued.TryGetValue(commandId, out var trip))
        {
            ToAck.Record(trip.Issued, Stopwatch.GetTimestamp());
        }
    }

    public void Finished(string commandId, long timestamp) => Close(commandId, ToFinished, timestamp);

    /// <summary>
    /// Records one of the two last legs. The device hears the broker take its ack on its own connection, so that can
    /// come after the action finished at the driver; the command is forgotten once both have been recorded.
    /// </summary>
    private void Close(string commandId, LatencyHistogram leg, long timestamp)
    {
        if (!_issued.TryGetValue(commandId, out var trip))
        {
            return;
        }

        leg.Record(trip.Issued, timestamp);
        if (Interlocked.Decrement(ref trip.OpenLegs) == 0)
        {
            _issued.TryRemove(commandId, out _);
        }
    }

    private sealed class Trip(long issued)
    {
        public int OpenLegs = 2;

        public long Issued { get; } = issued;
    }
}
