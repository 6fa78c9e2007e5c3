namespace RoboLam.Cli.Simulation;

/// <summary>Knobs for tests: what happens after the goal has ended.</summary>
public sealed record SimulationOptions
{
    public static SimulationOptions Default { get; } = new();

    /// <summary>Virtual time the cell keeps running after the goal ended, to show that nothing moves by itself.</summary>
    public TimeSpan HoldAfterEnd { get; init; } = TimeSpan.Zero;

    /// <summary>Release every e-stop at the start of the hold (the cause is gone; no reset is given).</summary>
    public bool ReleaseEmergencyStopsAfterEnd { get; init; }

    /// <summary>Real time a run may take before it is abandoned as stuck.</summary>
    public TimeSpan RealTimeLimit { get; init; } = TimeSpan.FromMinutes(3);
}
