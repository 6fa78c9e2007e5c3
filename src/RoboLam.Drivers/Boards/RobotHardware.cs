using System.Device.I2c;
using Iot.Device.Board;
using RoboLam.Drivers.Arm;
using RoboLam.Drivers.Gpio;
using RoboLam.Hardware.Description;

namespace RoboLam.Drivers.Boards;

/// <summary>
/// The devices of one robot on one board: the servo arm on the board's I2C bus, the inputs and outputs on
/// its GPIO. <see cref="OpenRaspberryPi"/> is for the real thing; <see cref="Open"/> takes any
/// <see cref="Board"/>, such as a <c>CustomBoard</c> over the simulator's GPIO driver and I2C bus.
/// Nothing touches hardware until one of these is called.
/// </summary>
public sealed class RobotHardware : IDisposable
{
    private readonly Board _board;
    private readonly bool _shouldDispose;

    private RobotHardware(Board board, RobotDescription robot, TimeProvider? timeProvider, bool shouldDispose)
    {
        _board = board;
        _shouldDispose = shouldDispose;
        var servoBoard = robot.ServoBoard;
        I2cDevice device;
        try
        {
            // A Raspberry Pi knows which pins carry each bus; other boards (a CustomBoard) are told the Pi's.
            var bus = board is RaspberryPiBoard
                ? board.CreateOrGetI2cBus(servoBoard.I2cBus)
                : board.CreateOrGetI2cBus(servoBoard.I2cBus, PiPinsOf(servoBoard.I2cBus));
            device = bus.CreateDevice(servoBoard.Address);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot open I2C bus {servoBoard.I2cBus} at address 0x{servoBoard.Address:X2} for robot \"{robot.Name}\": {exception.Message} Check that I2C is enabled (raspi-config) and the board is wired.", exception);
        }

        Arm = new ServoArm(device, robot, timeProvider, shouldDispose: true);
        var gpio = board.CreateGpioController();
        Inputs = new GpioInputs(gpio, robot.Inputs, timeProvider, shouldDispose: false);
        Outputs = new GpioOutputs(gpio, robot.Outputs, timeProvider, shouldDispose: true, heartbeatPeriod: robot.HeartbeatPeriod.ToTimeSpan());
    }

    public ServoArm Arm { get; }

    public GpioInputs Inputs { get; }

    public GpioOutputs Outputs { get; }

    /// <summary>Opens the robot on a Raspberry Pi: libgpiod GPIO and /dev/i2c-N. Call only on a Pi.</summary>
    public static RobotHardware OpenRaspberryPi(RobotDescription robot, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return new RobotHardware(new RaspberryPiBoard(), robot, timeProvider, shouldDispose: true);
    }

    /// <summary>Opens the robot on the given board.</summary>
    public static RobotHardware Open(Board board, RobotDescription robot, TimeProvider? timeProvider = null, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(robot);
        return new RobotHardware(board, robot, timeProvider, shouldDispose);
    }

    /// <summary>SDA and SCL of the Raspberry Pi's I2C buses 0 and 1 (BCM numbering).</summary>
    private static int[] PiPinsOf(int bus) => bus switch
    {
        0 => [0, 1],
        1 => [2, 3],
        _ => throw new NotSupportedException($"I2C bus {bus} has no known pins on this board; use bus 0 or 1."),
    };

    public void Dispose()
    {
        Arm.Dispose();
        Inputs.Dispose();
        Outputs.Dispose();
        if (_shouldDispose)
        {
            _board.Dispose();
        }
    }
}
