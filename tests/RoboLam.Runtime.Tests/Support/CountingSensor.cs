using RoboLam.Hardware.Contracts;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>A sensor with one fixed reading that counts how often a device actor read it (once per start).</summary>
internal sealed class CountingSensor(SensorReading reading) : ISensor
{
    private int _reads;

    public string Name => reading.Sensor;

    public int Reads => Volatile.Read(ref _reads);

    public event EventHandler<SensorReading>? ReadingChanged
    {
        add { }
        remove { }
    }

    public IReadOnlyList<SensorReading> ReadAll()
    {
        Interlocked.Increment(ref _reads);
        return [reading];
    }

    public void Dispose()
    {
    }
}
