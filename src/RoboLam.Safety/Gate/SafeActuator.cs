using RoboLam.Hardware.Contracts;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Safety.Gate;

/// <summary>
/// The safety gate in the driver path: an <see cref="IActuator"/> that wraps any other and lets a command
/// through only when the <see cref="SafetySupervisor"/> permits it (clamped commands go through in their
/// restricted form; refused ones never reach the inner actuator). Every stop the supervisor demands is sent
/// to the inner actuator at once, on the thread that caused it; after an e-stop every later command is
/// refused until an accepted reset, and nothing is re-sent after one.
/// </summary>
/// <remarks>
/// The composition root wraps every actuator it builds, so no other part of the system holds an unguarded
/// one. Stops always pass: they can only restrict. The inner actuator's feedback and heartbeats are passed
/// on to the supervisor (position tracking, envelope breach check, watchdog) and then to subscribers.
/// </remarks>
public sealed class SafeActuator : IActuator
{
    private readonly IActuator _inner;
    private readonly SafetySupervisor _supervisor;
    private readonly TimeProvider _time;
    private readonly bool _shouldDispose;
    private bool _disposed;

    /// <param name="inner">The actuator to guard (driver, simulator, device proxy).</param>
    /// <param name="supervisor">The cell's supervisor; the gate registers the actuator's heartbeat watchdog with it.</param>
    /// <param name="timeProvider">Where decisions get their time (the simulator's virtual clock, or real time).</param>
    /// <param name="shouldDispose">True to dispose <paramref name="inner"/> with the gate.</param>
    public SafeActuator(IActuator inner, SafetySupervisor supervisor, TimeProvider timeProvider, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _inner = inner;
        _supervisor = supervisor;
        _time = timeProvider;
        _shouldDispose = shouldDispose;
        _supervisor.RegisterDevice(inner.Name, timeProvider.GetUtcNow());
        _supervisor.StopDemanded += OnStopDemanded;
        _inner.Feedback += OnInnerFeedback;
        _inner.Heartbeat += OnInnerHeartbeat;
    }

    public string Name => _inner.Name;

    public ActuatorState State => _inner.State;

    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public async Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var admission = _supervisor.Admit(Name, command, _time.GetUtcNow());
        var decision = admission.Decision;
        if (!decision.Permits)
        {
            return CommandOutcome.Refused(command.Id, $"safety ({decision.Rule}): {decision.Reason}");
        }

        CommandOutcome? outcome = null;
        try
        {
            var running = _inner.ExecuteAsync(decision.Command!, cancellationToken);

            // A stop that arrived between the decision and the start found nothing running yet: stop again now.
            if (_supervisor.StopDemandedSince(admission))
            {
                await StopInnerAsync(new StopRequest(_supervisor.Envelope.StopCategory, "a stop arrived while the command was being dispatched")).ConfigureAwait(false);
            }

            outcome = await running.ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            _supervisor.Completed(admission, outcome, _time.GetUtcNow());
        }
    }

    /// <summary>Stops always pass to the inner actuator: they can only restrict.</summary>
    public async Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _inner.StopAsync(request, cancellationToken).ConfigureAwait(false);
        ObserveWhereStopped();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _supervisor.StopDemanded -= OnStopDemanded;
        _inner.Feedback -= OnInnerFeedback;
        _inner.Heartbeat -= OnInnerHeartbeat;
        if (_shouldDispose)
        {
            _inner.Dispose();
        }
    }

    private void OnStopDemanded(object? sender, StopDemand demand)
    {
        if (demand.Targets(Name))
        {
            // Not awaited: the stop starts now on this thread; a controlled stop finishes on the inner actuator's clock.
            _ = StopInnerAsync(demand.Request);
        }
    }

    private async Task StopInnerAsync(StopRequest request)
    {
        try
        {
            await _inner.StopAsync(request).ConfigureAwait(false);
            ObserveWhereStopped();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _supervisor.ReportDeviceFault(Name, $"its stop failed: {exception.Message}", _time.GetUtcNow());
        }
    }

    /// <summary>
    /// A controlled stop's deceleration ramp moves an arm with no admitted command, so the supervisor would check the
    /// next trajectory from where the cut happened: take the position the driver reports once its stop is over.
    /// </summary>
    private void ObserveWhereStopped()
    {
        if (_inner is ISensor sensor
            && sensor.ReadAll().OfType<JointAnglesReading>().FirstOrDefault(reading => reading.Sensor == Name) is { } position)
        {
            _supervisor.ObservePosition(Name, position.Angles, _time.GetUtcNow());
        }
    }

    private void OnInnerFeedback(object? sender, ActuatorFeedback feedback)
    {
        _supervisor.ObserveFeedback(Name, feedback);
        Feedback?.Invoke(this, feedback);
    }

    private void OnInnerHeartbeat(object? sender, Heartbeat heartbeat)
    {
        _supervisor.DeviceHeartbeat(heartbeat);
        Heartbeat?.Invoke(this, heartbeat);
    }
}
