namespace RoboLam.Hardware.Contracts;

/// <summary>A source of readings: the current values on demand, and an event on every change.</summary>
public interface ISensor : IDisposable
{
    string Name { get; }

    /// <summary>The latest value of every channel of this sensor.</summary>
    IReadOnlyList<SensorReading> ReadAll();

    /// <summary>Raised when a value changes; for inputs, on each debounced edge.</summary>
    event EventHandler<SensorReading>? ReadingChanged;
}
