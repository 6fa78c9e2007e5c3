using System.Device.Gpio;
using RoboLam.Sim.Gpio;
using RoboLam.Sim.I2c;
using RoboLam.Sim.Time;

namespace RoboLam.Sim.Tests;

public sealed class ClockAndChipTests
{
    [Fact]
    public void Timers_fire_in_due_order_and_periodic_ones_repeat()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        using var periodic = clock.CreateTimer(_ => fired.Add($"tick@{clock.Elapsed.TotalMilliseconds}"), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        using var once = clock.At(TimeSpan.FromMilliseconds(150), () => fired.Add($"once@{clock.Elapsed.TotalMilliseconds}"));

        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(["tick@100", "once@150", "tick@200", "tick@300"], fired);
        Assert.Equal(TimeSpan.FromMilliseconds(300), clock.Elapsed);
    }

    [Fact]
    public async Task A_task_delay_on_the_virtual_clock_completes_when_the_clock_reaches_it()
    {
        var clock = new VirtualClock();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(delay.IsCompleted);
        await clock.RunUntilAsync(delay, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task Running_until_work_that_waits_on_nothing_reports_a_stuck_simulation()
    {
        var clock = new VirtualClock();
        var never = new TaskCompletionSource().Task;

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => clock.RunUntilAsync(never, TimeSpan.FromSeconds(1)));

        Assert.Contains("nothing is scheduled", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_virtual_clock_never_goes_back()
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Prescale_writes_are_ignored_unless_the_chip_sleeps_as_the_datasheet_says()
    {
        var chip = new Pca9685RegisterFile();
        var bus = new SimulatedI2cBus(1);
        bus.Attach(chip);
        using var device = bus.CreateDevice(0x40);

        device.Write([Pca9685RegisterFile.Mode1, 0x20]); // awake, auto-increment
        device.Write([Pca9685RegisterFile.Prescale, 3]);
        Assert.Equal(0x1E, chip.PrescaleValue);

        device.Write([Pca9685RegisterFile.Mode1, 0x30]); // asleep
        device.Write([Pca9685RegisterFile.Prescale, 121]);
        Assert.Equal(121, chip.PrescaleValue);
    }

    [Fact]
    public void All_led_registers_set_every_channel_and_auto_increment_reads_back_a_register_pair()
    {
        var chip = new Pca9685RegisterFile();
        var bus = new SimulatedI2cBus(1);
        bus.Attach(chip);
        using var device = bus.CreateDevice(0x40);
        device.Write([Pca9685RegisterFile.Mode1, 0x30]); // asleep, auto-increment: set 50 Hz
        device.Write([Pca9685RegisterFile.Prescale, 121]);
        device.Write([Pca9685RegisterFile.Mode1, 0x20]);

        device.Write([Pca9685RegisterFile.AllLedOnLow, 0, 0, 0x33, 0x01]); // ON 0, OFF 0x133 = 307 on every channel
        Span<byte> pair = stackalloc byte[2];
        device.WriteByte(Pca9685RegisterFile.Led0OnLow + (4 * 9) + 2);
        device.Read(pair);

        Assert.Equal([0x33, 0x01], pair.ToArray());
        Assert.InRange(chip.PulseWidth(9)!.Value.Microseconds, 1497, 1500);
        Assert.InRange(chip.PulseWidth(15)!.Value.Microseconds, 1497, 1500);
    }

    [Fact]
    public void A_sleeping_chip_sends_no_pulses()
    {
        var chip = new Pca9685RegisterFile();

        Assert.True(chip.IsSleeping);
        Assert.Null(chip.PulseWidth(0));
    }

    [Fact]
    public void A_gpio_controller_over_the_simulated_chip_reads_pulls_and_reports_edges()
    {
        var chip = new SimulatedGpioDriver();
        using var controller = new GpioController(chip);
        controller.OpenPin(4, PinMode.InputPullUp);
        controller.OpenPin(5, PinMode.InputPullDown);
        var edges = new List<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Falling | PinEventTypes.Rising, (_, args) => edges.Add(args.ChangeType));

        Assert.Equal(PinValue.High, controller.Read(4));
        Assert.Equal(PinValue.Low, controller.Read(5));
        chip.DriveInput(4, PinValue.Low);
        chip.DriveInput(4, PinValue.Low);
        chip.DriveInput(4, null);

        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], edges);
    }

    [Fact]
    public void Outputs_written_through_the_controller_are_seen_by_the_simulator()
    {
        var chip = new SimulatedGpioDriver();
        var written = new List<(int Pin, PinValue Value)>();
        chip.OutputWritten += (pin, value) => written.Add((pin, value));
        using var controller = new GpioController(chip);
        controller.OpenPin(25, PinMode.Output);

        controller.Write(25, PinValue.High);

        Assert.Equal(PinValue.High, chip.LevelOf(25));
        Assert.Equal((25, PinValue.High), written[^1]);
    }
}
