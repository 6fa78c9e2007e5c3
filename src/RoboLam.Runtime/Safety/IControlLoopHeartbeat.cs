namespace RoboLam.Runtime.Safety;

/// <summary>
/// Where the controller's control loop reports that it is alive: RoboLam.Safety's control-loop watchdog in a real
/// composition. Called on an actor's thread; implementations read their own clock and must be quick.
/// </summary>
public interface IControlLoopHeartbeat
{
    void Beat();
}

/// <summary>
/// How the control loop beats: every <see cref="Period"/> on <see cref="Clock"/> (real time, or a simulator's
/// virtual clock) the loop asks the world model for its state and beats when the answer arrives, so a stalled
/// dispatcher or a world model stuck in a message stops the beats. The first beat is given when the controller starts.
/// </summary>
public sealed record ControlLoopSettings(IControlLoopHeartbeat Heartbeat, TimeSpan Period)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
