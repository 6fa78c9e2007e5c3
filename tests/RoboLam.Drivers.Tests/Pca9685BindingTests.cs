using System.Device.I2c;
using Iot.Device.Pwm;
using Iot.Device.ServoMotor;
using RoboLam.Sim.I2c;

namespace RoboLam.Drivers.Tests;

/// <summary>The real Pca9685 and ServoMotor bindings, writing into the simulated chip's registers.</summary>
public sealed class Pca9685BindingTests
{
    private readonly Pca9685RegisterFile _chip = new(0x40);
    private readonly SimulatedI2cBus _bus = new(1);

    public Pca9685BindingTests() => _bus.Attach(_chip);

    [Fact]
    public void Asking_the_binding_for_50_Hz_writes_prescale_121_and_wakes_the_chip()
    {
        using var board = new Pca9685(_bus.CreateDevice(0x40), pwmFrequency: 50);

        Assert.Equal(121, _chip.PrescaleValue);
        Assert.Equal(50.03, _chip.PwmFrequency.Hertz, 2);
        Assert.False(_chip.IsSleeping);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(90, 1500)]
    [InlineData(180, 2000)]
    [InlineData(45, 1250)]
    public void A_servo_angle_written_through_ServoMotor_decodes_to_its_pulse_width(double angle, double expectedMicroseconds)
    {
        using var board = new Pca9685(_bus.CreateDevice(0x40), pwmFrequency: 50);
        using var servo = new ServoMotor(board.CreatePwmChannel(3), 180, 1000, 2000);

        servo.WriteAngle(angle);

        // One PCA9685 count at 50 Hz is 4.9 µs; the binding also rounds 50.03 Hz to 50.
        Assert.InRange(_chip.PulseWidth(3)!.Value.Microseconds, expectedMicroseconds - 6, expectedMicroseconds + 6);
        Assert.Null(_chip.PulseWidth(2));
    }

    [Fact]
    public void Ninety_degrees_with_a_1000_to_2000_us_servo_sets_OFF_to_307_as_measured_on_the_stack_notes()
    {
        using var board = new Pca9685(_bus.CreateDevice(0x40), pwmFrequency: 50);
        using var servo = new ServoMotor(board.CreatePwmChannel(0), 180, 1000, 2000);

        servo.WriteAngle(90);

        var off = _chip.ReadRegister(Pca9685RegisterFile.Led0OnLow + 2) | (_chip.ReadRegister(Pca9685RegisterFile.Led0OnLow + 3) << 8);
        Assert.Equal(307, off);
    }

    [Fact]
    public void Stopping_a_servo_channel_turns_its_output_full_off()
    {
        using var board = new Pca9685(_bus.CreateDevice(0x40), pwmFrequency: 50);
        using var servo = new ServoMotor(board.CreatePwmChannel(5), 180, 500, 2500);
        servo.WriteAngle(120);
        Assert.NotNull(_chip.PulseWidth(5));

        servo.Stop();

        Assert.Null(_chip.PulseWidth(5));
    }

    [Fact]
    public void A_board_at_an_address_where_nothing_answers_fails_with_the_address_in_the_message()
    {
        var exception = Assert.Throws<IOException>(() => _bus.CreateDevice(0x41));

        Assert.Contains("0x41", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chip_that_stops_answering_makes_the_binding_throw_IOException()
    {
        using var board = new Pca9685(_bus.CreateDevice(0x40), pwmFrequency: 50);
        using var servo = new ServoMotor(board.CreatePwmChannel(0), 180, 1000, 2000);
        _chip.Unresponsive = true;

        Assert.Throws<IOException>(() => servo.WriteAngle(10));
    }

    [Fact]
    public void The_device_handle_reports_the_bus_and_address_it_was_made_for()
    {
        using var device = _bus.CreateDevice(0x40);

        Assert.Equal(new I2cConnectionSettings(1, 0x40).BusId, device.ConnectionSettings.BusId);
        Assert.Equal(0x40, device.ConnectionSettings.DeviceAddress);
    }
}
