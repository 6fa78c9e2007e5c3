namespace RoboLam.Sim.Arm;

/// <summary>
/// One hobby servo's horn: it turns toward the commanded angle at its own top speed (a real servo's internal
/// controller does not know about the robot's joint speed limits), stalls or lags when a fault says so, and
/// goes limp, staying where it is, when the pulses stop.
/// </summary>
internal sealed class SimulatedServo(double initialDegrees, double degreesPerSecond)
{
    public double Degrees { get; private set; } = initialDegrees;

    public double? TargetDegrees { get; set; }

    public ServoFault Fault { get; set; } = ServoFault.None;

    public bool IsLimp => TargetDegrees is null;

    /// <summary>Moves the horn for <paramref name="seconds"/> toward the target.</summary>
    public void Advance(double seconds)
    {
        if (TargetDegrees is not { } target || Fault.Stalled || seconds <= 0)
        {
            return;
        }

        var step = degreesPerSecond * Fault.SpeedFactor * seconds;
        var remaining = target - Degrees;
        Degrees = Math.Abs(remaining) <= step ? target : Degrees + (Math.Sign(remaining) * step);
    }
}
