using System.Device.Gpio;
using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;

namespace RoboLam.Drivers.Gpio;

/// <summary>
/// The robot's digital outputs (lamps, relays) through a <see cref="GpioController"/>. A stop de-energises
/// every output: for the outputs a robot file may declare, off is the safe state.
/// </summary>
public sealed class GpioOutputs : IActuator
{
    private readonly GpioController _controller;
    private readonly Dictionary<string, DigitalOutputDescription> _outputs;
    private readonly TimeProvider _time;
    private readonly bool _shouldDispose;
    private readonly CommandLedger _ledger = new();
    private readonly ITimer? _heartbeatTimer;
    private ActuatorState _state = ActuatorState.Idle;

    /// <param name="controller">The GPIO controller the outputs are wired to.</param>
    /// <param name="outputs">The outputs from the robot file; each is opened and set to its initial state.</param>
    /// <param name="timeProvider">Clock for timestamps and heartbeats; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="controller"/> with this object.</param>
    /// <param name="heartbeatPeriod">How often to raise <see cref="Heartbeat"/>; none when null.</param>
    /// <param name="name">The actuator's name.</param>
    public GpioOutputs(GpioController controller, IEnumerable<DigitalOutputDescription> outputs, TimeProvider? timeProvider = null, bool shouldDispose = true, TimeSpan? heartbeatPeriod = null, string name = "outputs")
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(outputs);
        _controller = controller;
        _time = timeProvider ?? TimeProvider.System;
        _shouldDispose = shouldDispose;
        Name = name;
        _outputs = outputs.ToDictionary(output => output.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var output in _outputs.Values)
        {
            _controller.OpenPin(output.Pin, PinMode.Output, Level(output, output.InitiallyActive));
        }

        if (heartbeatPeriod is { } period)
        {
            _heartbeatTimer = _time.CreateTimer(_ => Heartbeat?.Invoke(this, new Heartbeat(Name, _time.GetUtcNow(), _state)), null, period, period);
        }
    }

    public string Name { get; }

    public ActuatorState State => _state;

    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public bool IsActive(string output) =>
        _outputs.TryGetValue(output, out var description)
            ? (_controller.Read(description.Pin) == PinValue.Low) == description.ActiveLow
            : throw new ArgumentException($"There is no output \"{output}\".", nameof(output));

    public Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        if (_ledger.TryGetEarlier(command.Id, out var earlier))
        {
            return Task.FromResult(earlier);
        }

        if (command is not SetDigitalOutput set)
        {
            return Task.FromResult(CommandOutcome.Refused(command.Id, $"{Name} only switches outputs (SetDigitalOutput), not {command.GetType().Name}"));
        }

        if (!_outputs.TryGetValue(set.Output, out var output))
        {
            return Task.FromResult(CommandOutcome.Refused(command.Id, $"there is no output \"{set.Output}\"; the outputs are: {string.Join(", ", _outputs.Keys)}"));
        }

        _controller.Write(output.Pin, Level(output, set.Active));
        _state = ActuatorState.Idle;
        Feedback?.Invoke(this, new ActuatorFeedback(Name, command.Id, 1.0, FeedbackStatus.Completed, _time.GetUtcNow()));
        return Task.FromResult(_ledger.Record(CommandOutcome.Completed(command.Id)));
    }

    public Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        foreach (var output in _outputs.Values)
        {
            _controller.Write(output.Pin, Level(output, active: false));
        }

        _state = ActuatorState.Stopped;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _heartbeatTimer?.Dispose();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }

    private static PinValue Level(DigitalOutputDescription output, bool active) => active != output.ActiveLow ? PinValue.High : PinValue.Low;
}
