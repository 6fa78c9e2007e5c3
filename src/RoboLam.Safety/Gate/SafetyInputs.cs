using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Safety.Gate;

/// <summary>Connects a digital-input sensor's e-stop channels to a supervisor.</summary>
public static class SafetyInputs
{
    /// <summary>
    /// Sends the current state of every emergency-stop input to <paramref name="supervisor"/> now (until a
    /// channel has reported, nothing may move), then every edge. Dispose the result to disconnect.
    /// </summary>
    public static IDisposable Connect(SafetySupervisor supervisor, ISensor inputs)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(inputs);
        var connection = new Connection(supervisor, inputs);
        inputs.ReadingChanged += connection.OnReading;
        foreach (var reading in inputs.ReadAll())
        {
            connection.OnReading(inputs, reading);
        }

        return connection;
    }

    private sealed class Connection(SafetySupervisor supervisor, ISensor inputs) : IDisposable
    {
        public void OnReading(object? sender, SensorReading reading)
        {
            if (reading is DigitalInputReading { Role: InputRole.EmergencyStop } input)
            {
                supervisor.EmergencyStopChannelChanged(input.Sensor, input.Active, input.Timestamp);
            }
        }

        public void Dispose() => inputs.ReadingChanged -= OnReading;
    }
}
