using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Board;
using RoboLam.Drivers.Boards;
using RoboLam.Drivers.Gpio;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Sim;
using RoboLam.Sim.Faults;
using RoboLam.Sim.Gpio;
using RoboLam.Sim.World;
using UnitsNet;

namespace RoboLam.Drivers.Tests;

/// <summary>Inputs through the real GpioController and GpioButton, outputs through GpioController, on the simulated chip.</summary>
public sealed class GpioTests
{
    private static readonly DigitalInputDescription s_estop = new("e-stop", 17, InputRole.EmergencyStop, PullUp: true, ActiveLow: true, Duration.Zero, null, null);
    private static readonly DigitalInputDescription s_held = new("object-held", 23, InputRole.ObjectHeld, PullUp: true, ActiveLow: true, Duration.Zero, null, null);
    private readonly SimulatedGpioDriver _chip = new();

    [Fact]
    public void An_open_pull_up_switch_reads_inactive_and_pressing_it_raises_one_active_reading()
    {
        using var inputs = new GpioInputs(new GpioController(_chip), [s_estop, s_held]);
        var readings = new List<SensorReading>();
        inputs.ReadingChanged += (_, reading) => readings.Add(reading);
        Assert.False(inputs.IsActive("e-stop"));
        Assert.Equal(PinMode.InputPullUp, _chip.ModeOf(17));

        _chip.DriveInput(17, PinValue.Low);

        var reading = Assert.IsType<DigitalInputReading>(Assert.Single(readings));
        Assert.Equal(("e-stop", InputRole.EmergencyStop, true), (reading.Sensor, reading.Role, reading.Active));
        Assert.True(inputs.IsActive("e-stop"));
        Assert.True(inputs.AnyActive(InputRole.EmergencyStop));
        Assert.False(inputs.IsActive("object-held"));
    }

    [Fact]
    public void Releasing_the_switch_raises_an_inactive_reading()
    {
        using var inputs = new GpioInputs(new GpioController(_chip), [s_estop]);
        _chip.DriveInput(17, PinValue.Low);
        var readings = new List<DigitalInputReading>();
        inputs.ReadingChanged += (_, reading) => readings.Add((DigitalInputReading)reading);

        _chip.DriveInput(17, PinValue.High);

        Assert.False(Assert.Single(readings).Active);
        Assert.False(inputs.IsActive("e-stop"));
    }

    [Fact]
    public void A_switch_already_pressed_at_start_up_reads_active_without_any_edge()
    {
        _chip.DriveInput(17, PinValue.Low);

        using var inputs = new GpioInputs(new GpioController(_chip), [s_estop]);

        Assert.True(inputs.IsActive("e-stop"));
        Assert.True(((DigitalInputReading)inputs.ReadAll()[0]).Active);
    }

    [Fact]
    public void An_active_high_input_with_a_pull_down_is_active_when_driven_high()
    {
        var beam = new DigitalInputDescription("beam", 5, InputRole.PartPresent, PullUp: false, ActiveLow: false, Duration.Zero, null, "bin-left");
        using var inputs = new GpioInputs(new GpioController(_chip), [beam]);
        Assert.False(inputs.IsActive("beam"));

        _chip.DriveInput(5, PinValue.High);

        Assert.True(inputs.IsActive("beam"));
    }

    [Fact]
    public void A_debounced_input_changes_only_after_staying_at_its_new_level_for_the_debounce_time_on_the_injected_clock()
    {
        var clock = new RoboLam.Sim.Time.VirtualClock();
        var bouncy = s_estop with { Debounce = Duration.FromMilliseconds(2) };
        using var inputs = new GpioInputs(new GpioController(_chip), [bouncy], clock);
        var readings = new List<DigitalInputReading>();
        inputs.ReadingChanged += (_, reading) => readings.Add((DigitalInputReading)reading);

        _chip.DriveInput(17, PinValue.Low);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        _chip.DriveInput(17, PinValue.High); // a 1 ms glitch
        clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Empty(readings);

        _chip.DriveInput(17, PinValue.Low);
        clock.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.False(inputs.IsActive("e-stop"));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(inputs.IsActive("e-stop"));
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMilliseconds(0.5), Assert.Single(readings).Timestamp);

        _chip.DriveInput(17, PinValue.High); // released a virtual moment later: still seen
        clock.Advance(TimeSpan.FromMilliseconds(3));
        Assert.False(inputs.IsActive("e-stop"));
    }

    [Fact]
    public void A_stuck_input_ignores_the_switch()
    {
        using var inputs = new GpioInputs(new GpioController(_chip), [s_held]);
        _chip.Stick(23, PinValue.High);

        _chip.DriveInput(23, PinValue.Low);

        Assert.False(inputs.IsActive("object-held"));
    }

    [Fact]
    public async Task Outputs_are_set_through_the_controller_and_a_stop_de_energises_them()
    {
        var lamp = new DigitalOutputDescription("status-lamp", 25, ActiveLow: false, InitiallyActive: false);
        var relay = new DigitalOutputDescription("relay", 26, ActiveLow: true, InitiallyActive: false);
        using var outputs = new GpioOutputs(new GpioController(_chip), [lamp, relay]);
        Assert.Equal(PinValue.Low, _chip.LevelOf(25));
        Assert.Equal(PinValue.High, _chip.LevelOf(26));

        var lampOn = await outputs.ExecuteAsync(new SetDigitalOutput(CommandId.New(), "status-lamp", true));
        await outputs.ExecuteAsync(new SetDigitalOutput(CommandId.New(), "relay", true));

        Assert.True(lampOn.Succeeded);
        Assert.Equal(PinValue.High, _chip.LevelOf(25));
        Assert.Equal(PinValue.Low, _chip.LevelOf(26));
        Assert.True(outputs.IsActive("relay"));

        await outputs.StopAsync(new StopRequest(StopCategory.Uncontrolled, "test"));

        Assert.Equal(PinValue.Low, _chip.LevelOf(25));
        Assert.Equal(PinValue.High, _chip.LevelOf(26));
    }

    [Fact]
    public async Task An_unknown_output_is_refused_naming_the_outputs_there_are()
    {
        using var outputs = new GpioOutputs(new GpioController(_chip), [new DigitalOutputDescription("status-lamp", 25, false, false)]);

        var outcome = await outputs.ExecuteAsync(new SetDigitalOutput(CommandId.New(), "siren", true));

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Contains("the outputs are: status-lamp", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_robot_opens_on_a_custom_board_over_the_simulated_cell_and_sees_an_e_stop_press()
    {
        var rig = new SimulatedRig(TestRobot.Arm4, new TabletopWorld());
        using var board = new CustomBoard(rig.Gpio, bus => rig.GetI2cBus(bus), null!, null!);
        using var hardware = RobotHardware.Open(board, TestRobot.Arm4, rig.Clock);
        Assert.False(hardware.Inputs.AnyActive(InputRole.EmergencyStop));

        rig.Faults.Schedule(new EmergencyStopPress(TimeSpan.FromSeconds(1)));
        rig.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(hardware.Inputs.IsActive("e-stop"));
        Assert.Equal(50.03, rig.ServoBoard.PwmFrequency.Hertz, 2);
    }

    [Fact]
    public void Opening_a_robot_whose_board_is_on_another_bus_fails_with_a_message_naming_bus_and_address()
    {
        var rig = new SimulatedRig(TestRobot.Arm4, new TabletopWorld());
        using var board = new CustomBoard(rig.Gpio, bus => rig.GetI2cBus(bus), null!, null!);
        var elsewhere = TestRobot.Arm4 with { ServoBoard = TestRobot.Arm4.ServoBoard with { I2cBus = 3 } };

        var exception = Assert.Throws<IOException>(() => RobotHardware.Open(board, elsewhere, rig.Clock, shouldDispose: false));

        Assert.Contains("I2C bus 3 at address 0x40", exception.Message, StringComparison.Ordinal);
        _ = typeof(I2cBus);
    }
}
