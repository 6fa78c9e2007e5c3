using RoboLam.Hardware.Contracts;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Records every command the runtime sends, its outcome and every stop, around the safety gate (never instead of
/// it): what the runtime asked for and what the gate and the driver made of it. It also counts commands being
/// dispatched, during which the simulation's clock must hold still.
/// </summary>
internal sealed class TracingActuator(IActuator gated, RunTrace trace) : IActuator
{
    private int _dispatching;

    /// <summary>True while a caller is inside the synchronous start of a command (gate decision, first servo write).</summary>
    public bool IsDispatching => Volatile.Read(ref _dispatching) > 0;

    /// <summary>Raised when a command has ended, on the thread that ended it.</summary>
    public event Action<ActuatorCommand, CommandOutcome>? CommandEnded;

    public string Name => gated.Name;

    public ActuatorState State => gated.State;

    public event EventHandler<ActuatorFeedback>? Feedback
    {
        add => gated.Feedback += value;
        remove => gated.Feedback -= value;
    }

    public event EventHandler<Heartbeat>? Heartbeat
    {
        add => gated.Heartbeat += value;
        remove => gated.Heartbeat -= value;
    }

    public async Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        trace.Add("command", $"{Name} {Describe(command)}", ("device", Name), ("id", command.Id.Value), ("command", Describe(command)));
        Task<CommandOutcome> running;
        Interlocked.Increment(ref _dispatching);
        try
        {
            running = gated.ExecuteAsync(command, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _dispatching);
        }

        var outcome = await running.ConfigureAwait(false);
        trace.Add("outcome", $"{Name} {command.Id}: {outcome.Status}{(outcome.Reason is null ? string.Empty : " (" + outcome.Reason + ")")}", ("device", Name), ("id", command.Id.Value), ("status", outcome.Status.ToString()), ("reason", outcome.Reason));
        CommandEnded?.Invoke(command, outcome);
        return outcome;
    }

    public Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        trace.Add("stop", $"{Name} stop requested: {request.Reason}", ("device", Name), ("category", (int)request.Category), ("reason", request.Reason));
        return gated.StopAsync(request, cancellationToken);
    }

    public void Dispose() => gated.Dispose();

    private static string Describe(ActuatorCommand command) => command switch
    {
        FollowTrajectory move => $"follow trajectory of {move.Trajectory.Samples.Count} samples to {move.Trajectory.Samples[^1].Angles}",
        OperateGripper grip => $"gripper {grip.Action.ToString().ToLowerInvariant()}",
        SetDigitalOutput output => $"output {output.Output} {(output.Active ? "on" : "off")}",
        _ => command.GetType().Name,
    };
}
