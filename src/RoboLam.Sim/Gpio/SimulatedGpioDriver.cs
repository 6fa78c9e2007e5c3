using System.Device.Gpio;

namespace RoboLam.Sim.Gpio;

/// <summary>
/// A GPIO chip in memory, to put under a real <see cref="GpioController"/>. Inputs follow what the simulated
/// world drives onto them (<see cref="DriveInput"/>), or their pull resistor when nothing does; outputs keep
/// what the controller wrote and report it through <see cref="OutputWritten"/>. Edges raise the controller's
/// callbacks synchronously, on the thread that caused them. A pin can be stuck (fault injection).
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly SimulatedPin[] _pins;

    public SimulatedGpioDriver(int pinCount = 28)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        _pins = Enumerable.Range(0, pinCount).Select(number => new SimulatedPin(number)).ToArray();
    }

    /// <summary>Raised when the controller writes an output pin: (pin, value).</summary>
    public event Action<int, PinValue>? OutputWritten;

    protected override int PinCount => _pins.Length;

    /// <summary>What the outside world drives onto an input pin; null lets the pull resistor decide.</summary>
    public void DriveInput(int pin, PinValue? level)
    {
        Change(pin, target => target.External = level);
    }

    /// <summary>Fault: the pin reads <paramref name="level"/> whatever happens outside, until <see cref="Unstick"/>.</summary>
    public void Stick(int pin, PinValue level)
    {
        Change(pin, target => target.Stuck = level);
    }

    public void Unstick(int pin)
    {
        Change(pin, target => target.Stuck = null);
    }

    /// <summary>The level on the pin now, as the controller would read it.</summary>
    public PinValue LevelOf(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Level;
        }
    }

    public PinMode ModeOf(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Mode;
        }
    }

    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).IsOpen;
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            Pin(pinNumber).IsOpen = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            pin.IsOpen = false;
            pin.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        Change(pinNumber, pin => pin.Mode = mode);
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber >= 0 && pinNumber < _pins.Length && mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        Change(pinNumber, pin => pin.Written = value, () => OutputWritten?.Invoke(pinNumber, value));
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var happened = new ManualResetEventSlim();
        var seen = PinEventTypes.None;
        void OnEdge(object sender, PinValueChangedEventArgs args)
        {
            seen = args.ChangeType;
            happened.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnEdge);
        try
        {
            happened.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnEdge);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.RemoveAll(entry => entry.Handler == callback);
        }
    }

    private SimulatedPin Pin(int number)
    {
        if (number < 0 || number >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The simulated GPIO chip has pins 0 to {_pins.Length - 1}.");
        }

        return _pins[number];
    }

    /// <summary>
    /// Changes one pin under the lock, then, outside it (handlers may call back in), tells <paramref name="afterChange"/>
    /// and raises the edge the change made, if any.
    /// </summary>
    private void Change(int pinNumber, Action<SimulatedPin> change, Action? afterChange = null)
    {
        SimulatedPin pin;
        PinValue before;
        PinValue after;
        lock (_gate)
        {
            pin = Pin(pinNumber);
            before = pin.Level;
            change(pin);
            after = pin.Level;
        }

        afterChange?.Invoke();
        RaiseEdge(pin, before, after);
    }

    private void RaiseEdge(SimulatedPin pin, PinValue before, PinValue after)
    {
        if (before == after)
        {
            return;
        }

        var edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        (PinEventTypes Events, PinChangeEventHandler Handler)[] handlers;
        lock (_gate)
        {
            handlers = pin.Callbacks.Where(entry => (entry.Events & edge) != 0).ToArray();
        }

        var args = new PinValueChangedEventArgs(edge, pin.Number);
        foreach (var (_, handler) in handlers)
        {
            handler(this, args);
        }
    }

    /// <summary>One pin's state; its level is computed from mode, fault, outside drive and pull.</summary>
    private sealed class SimulatedPin(int number)
    {
        public int Number { get; } = number;

        public bool IsOpen { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Written { get; set; } = PinValue.Low;

        public PinValue? External { get; set; }

        public PinValue? Stuck { get; set; }

        public List<(PinEventTypes Events, PinChangeEventHandler Handler)> Callbacks { get; } = [];

        public PinValue Level =>
            Stuck ?? (Mode == PinMode.Output
                ? Written
                : External ?? (Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low));
    }
}
