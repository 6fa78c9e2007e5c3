using System.Collections.Concurrent;
using System.Threading.Channels;
using RoboLam.Hardware.Contracts;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>
/// A device the test drives by hand: every command waits until the test completes it (or completes at once when
/// <see cref="CompleteAtOnce"/> is set), and a fault rule can make a command throw, as a failing driver would.
/// </summary>
internal sealed class ScriptedActuator(string name) : IActuator
{
    private readonly Channel<PendingCommand> _commands = Channel.CreateUnbounded<PendingCommand>();
    private readonly ConcurrentQueue<PendingCommand> _all = new();

    public string Name { get; } = name;

    public ActuatorState State => _all.Any(pending => !pending.Outcome.IsCompleted) ? ActuatorState.Busy : ActuatorState.Idle;

    public bool CompleteAtOnce { get; init; }

    /// <summary>Decides whether a command throws instead of running (an IO error, a safety violation...).</summary>
    public Func<ActuatorCommand, Exception?> Fault { get; set; } = _ => null;

    public ConcurrentQueue<StopRequest> Stops { get; } = new();

    /// <summary>Every command that reached the device, in order.</summary>
    public ConcurrentQueue<ActuatorCommand> Received { get; } = new();

    // The scripted device reports only what the test raises; the executor's watchdogs are set long in these tests.
    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public void RaiseFeedback(ActuatorFeedback feedback) => Feedback?.Invoke(this, feedback);

    public void RaiseHeartbeat(Heartbeat heartbeat) => Heartbeat?.Invoke(this, heartbeat);

    public Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Received.Enqueue(command);
        if (Fault(command) is { } fault)
        {
            return Task.FromException<CommandOutcome>(fault);
        }

        var pending = new PendingCommand(command);
        _all.Enqueue(pending);
        if (CompleteAtOnce)
        {
            pending.Complete();
        }

        _commands.Writer.TryWrite(pending);
        return pending.Outcome;
    }

    public Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        Stops.Enqueue(request);
        foreach (var pending in _all)
        {
            pending.Stop(request.Reason);
        }
        return Task.CompletedTask;
    }

    /// <summary>The next command the device receives, within <paramref name="timeout"/>.</summary>
    public async Task<PendingCommand> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _commands.Reader.ReadAsync(cancellation.Token);
    }

    public void Dispose() => _commands.Writer.TryComplete();
}

/// <summary>A command on the scripted device, ended by the test.</summary>
internal sealed class PendingCommand(ActuatorCommand command)
{
    private readonly TaskCompletionSource<CommandOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActuatorCommand Command { get; } = command;

    public Task<CommandOutcome> Outcome => _outcome.Task;

    public void Complete() => _outcome.TrySetResult(CommandOutcome.Completed(Command.Id));

    public void Stop(string reason) => _outcome.TrySetResult(CommandOutcome.Stopped(Command.Id, reason));
}
