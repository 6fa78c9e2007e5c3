using RoboLam.Hardware.Contracts;

namespace RoboLam.Sim.Arm;

/// <summary>
/// The encoder the real arm does not have: true joint angles from the simulated arm, as a sensor
/// (<c>Measured: true</c>), so tests and the scenario trace can compare what was commanded with what happened.
/// Polled, not evented: the arm's state is computed when asked.
/// </summary>
public sealed class SimulatedJointSensor(SimulatedArm arm, TimeProvider time, string name = "arm-encoders") : ISensor
{
    public string Name { get; } = name;

    public event EventHandler<SensorReading>? ReadingChanged
    {
        add { }
        remove { }
    }

    public IReadOnlyList<SensorReading> ReadAll() =>
        [new JointAnglesReading(Name, time.GetUtcNow(), arm.Angles, Measured: true)];

    public void Dispose()
    {
    }
}
