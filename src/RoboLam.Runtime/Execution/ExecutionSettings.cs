namespace RoboLam.Runtime.Execution;

/// <summary>The time limits of execution and how often a goal may be planned again after a failure.</summary>
public sealed record ExecutionSettings
{
    public static ExecutionSettings Default { get; } = new();

    /// <summary>How long an action waits for its precondition to hold in the live world before it fails.</summary>
    public TimeSpan PreconditionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest silence (no heartbeat, no progress) from a device running an action.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after a device completes its sensors may take to show the action's effects.</summary>
    public TimeSpan EffectSettleTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a device may take to confirm a stop before the executor gives up waiting.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Plans made again after a failure or divergence, per goal (0: never replan).</summary>
    public int MaxReplans { get; init; } = 3;
}
