using System.Device.Gpio;
using Iot.Device.Button;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;

namespace RoboLam.Drivers.Gpio;

/// <summary>
/// The robot's digital inputs (e-stop, limit switches, object held, part present), each watched by a real
/// <see cref="GpioButton"/>. Values are meanings, corrected for active-low wiring; the initial state is read
/// at start-up, because a switch already closed at power-up produces no edge. Debouncing is done here on the
/// injected clock (a level counts once it has been stable for the input's debounce time), not inside
/// GpioButton, whose debounce runs on the wall clock and would drop edges on virtual time.
/// </summary>
public sealed class GpioInputs : ISensor
{
    private readonly GpioController _controller;
    private readonly TimeProvider _time;
    private readonly bool _shouldDispose;
    private readonly List<(DigitalInputDescription Input, GpioButton Button)> _buttons = [];
    private readonly Dictionary<string, bool> _active = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ITimer> _settling = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    /// <param name="controller">The GPIO controller the inputs are wired to.</param>
    /// <param name="inputs">The inputs from the robot file.</param>
    /// <param name="timeProvider">Clock for reading timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="controller"/> with this object.</param>
    /// <param name="name">The sensor's name in readings.</param>
    public GpioInputs(GpioController controller, IEnumerable<DigitalInputDescription> inputs, TimeProvider? timeProvider = null, bool shouldDispose = true, string name = "inputs")
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(inputs);
        _controller = controller;
        _time = timeProvider ?? TimeProvider.System;
        _shouldDispose = shouldDispose;
        Name = name;
        foreach (var input in inputs)
        {
            var button = new GpioButton(input.Pin, isPullUp: input.PullUp, hasExternalResistor: false, gpio: controller, shouldDispose: false, debounceTime: TimeSpan.Zero);
            button.ButtonDown += (_, _) => OnEdge(input);
            button.ButtonUp += (_, _) => OnEdge(input);
            _buttons.Add((input, button));
            _active[input.Name] = IsActiveLevel(input, controller.Read(input.Pin));
        }
    }

    public string Name { get; }

    public event EventHandler<SensorReading>? ReadingChanged;

    /// <summary>Whether the named input is active (e.g. the e-stop is pressed).</summary>
    public bool IsActive(string input)
    {
        lock (_gate)
        {
            return _active.TryGetValue(input, out var active)
                ? active
                : throw new ArgumentException($"There is no input \"{input}\"; the inputs are: {string.Join(", ", _active.Keys)}.", nameof(input));
        }
    }

    /// <summary>True when any input with the role is active, e.g. any e-stop pressed.</summary>
    public bool AnyActive(InputRole role)
    {
        lock (_gate)
        {
            return _buttons.Any(entry => entry.Input.Role == role && _active[entry.Input.Name]);
        }
    }

    public IReadOnlyList<SensorReading> ReadAll()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _buttons.Select(entry => (SensorReading)new DigitalInputReading(entry.Input.Name, now, entry.Input.Role, _active[entry.Input.Name])).ToArray();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _settling.Values)
            {
                timer.Dispose();
            }

            _settling.Clear();
        }

        foreach (var (_, button) in _buttons)
        {
            button.Dispose();
        }

        _buttons.Clear();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }

    private static bool IsActiveLevel(DigitalInputDescription input, PinValue level) => (level == PinValue.Low) == input.ActiveLow;

    /// <summary>GpioButton tells that something changed; after the debounce time the pin level tells what it means.</summary>
    private void OnEdge(DigitalInputDescription input)
    {
        var debounce = input.Debounce.ToTimeSpan();
        if (debounce <= TimeSpan.Zero)
        {
            Commit(input);
            return;
        }

        lock (_gate)
        {
            if (_settling.Remove(input.Name, out var earlier))
            {
                earlier.Dispose();
            }

            _settling[input.Name] = _time.CreateTimer(_ => Commit(input), null, debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Commit(DigitalInputDescription input)
    {
        var active = IsActiveLevel(input, _controller.Read(input.Pin));
        lock (_gate)
        {
            if (_settling.Remove(input.Name, out var timer))
            {
                timer.Dispose();
            }

            if (_active[input.Name] == active)
            {
                return;
            }

            _active[input.Name] = active;
        }

        ReadingChanged?.Invoke(this, new DigitalInputReading(input.Name, _time.GetUtcNow(), input.Role, active));
    }
}
