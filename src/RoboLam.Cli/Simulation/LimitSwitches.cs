using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Limit switches to the supervisor: a closed limit switch means a joint is at its end stop, beyond where the
/// driver would ever command it, so something is wrong with the arm. It faults the cell (the robot file's stop),
/// and the fault stays latched until an explicit reset.
/// </summary>
internal static class LimitSwitches
{
    public static IDisposable Connect(SafetySupervisor supervisor, ISensor inputs, string arm)
    {
        void OnReading(object? sender, SensorReading reading)
        {
            if (reading is DigitalInputReading { Role: InputRole.LimitSwitch, Active: true } input)
            {
                supervisor.ReportDeviceFault(arm, $"limit switch {input.Sensor} closed: a joint is at its end stop", input.Timestamp);
            }
        }

        inputs.ReadingChanged += OnReading;
        foreach (var reading in inputs.ReadAll())
        {
            OnReading(inputs, reading);
        }

        return new Disconnect(() => inputs.ReadingChanged -= OnReading);
    }

    private sealed class Disconnect(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
