namespace RoboLam.Sim.Arm;

/// <summary>What is wrong with one simulated servo: it stalls (stops where it is) or lags (moves at a fraction of its speed).</summary>
public sealed record ServoFault(bool Stalled, double SpeedFactor)
{
    public static ServoFault None { get; } = new(false, 1.0);

    public static ServoFault Stall { get; } = new(true, 0.0);

    public static ServoFault Lag(double speedFactor) => new(false, speedFactor);
}
