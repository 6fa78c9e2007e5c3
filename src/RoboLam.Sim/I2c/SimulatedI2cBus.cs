using System.Device.I2c;

namespace RoboLam.Sim.I2c;

/// <summary>An I2C bus with simulated chips at their addresses; an empty address answers as a real bus does: not at all.</summary>
public sealed class SimulatedI2cBus(int busNumber) : I2cBus
{
    private readonly Dictionary<int, Pca9685RegisterFile> _chips = [];

    public int BusNumber { get; } = busNumber;

    public void Attach(Pca9685RegisterFile chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        _chips[chip.Address] = chip;
    }

    public override I2cDevice CreateDevice(int deviceAddress)
    {
        if (!_chips.TryGetValue(deviceAddress, out var chip))
        {
            throw new IOException($"No device answers at address 0x{deviceAddress:X2} on simulated I2C bus {BusNumber}; the robot file's servoBoard.address must match the board.");
        }

        return new SimulatedI2cDevice(new I2cConnectionSettings(BusNumber, deviceAddress), chip);
    }

    public override void RemoveDevice(int deviceAddress)
    {
        // Handles are independent; the chip stays on the bus.
    }
}
