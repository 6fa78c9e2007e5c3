using RoboLam.Runtime.Messages;

namespace RoboLam.Cli.Simulation;

/// <summary>How a simulated run ended: its exit code, the goal's outcome, the table at the end, and the trace.</summary>
public sealed record SimulationResult(
    int ExitCode,
    GoalOutcome? Outcome,
    IReadOnlyList<string> Goal,
    IReadOnlyList<string> FinalFacts,
    RunTrace Trace,
    SpeedFigures Speed)
{
    /// <summary>PCA9685 writes that changed a channel after the goal had ended and the arm had come to rest.</summary>
    public int ServoWritesAfterRest { get; init; }
}

/// <summary>
/// Virtual against real time: for the whole run (wall clock, and the process's CPU time, which a loaded machine
/// does not inflate), and for the stretches in which something moved.
/// </summary>
public sealed record SpeedFigures(TimeSpan Virtual, TimeSpan Real, TimeSpan MovingVirtual, TimeSpan MovingReal, TimeSpan Cpu)
{
    public double Overall => Real > TimeSpan.Zero ? Virtual / Real : 0;

    public double OverallCpu => Cpu > TimeSpan.Zero ? Virtual / Cpu : 0;

    public double WhileMoving => MovingReal > TimeSpan.Zero ? MovingVirtual / MovingReal : 0;
}
