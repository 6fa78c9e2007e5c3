using UnitsNet;

namespace RoboLam.Sim.I2c;

/// <summary>
/// The registers of a PCA9685 as the datasheet describes them, and what they mean on the output pins:
/// PRESCALE gives the PWM frequency (25 MHz / 4096 / (prescale + 1)), LEDn_ON/LEDn_OFF give each channel's
/// pulse. Writes follow the chip's rules: auto-increment only with MODE1.AI, PRESCALE only while sleeping,
/// ALL_LED registers fan out to every channel, outputs are off while sleeping.
/// </summary>
public sealed class Pca9685RegisterFile
{
    public const byte Mode1 = 0x00;
    public const byte Mode2 = 0x01;
    public const byte Led0OnLow = 0x06;
    public const byte AllLedOnLow = 0xFA;
    public const byte Prescale = 0xFE;

    private const byte SleepBit = 0x10;
    private const byte AutoIncrementBit = 0x20;
    private const double OscillatorHertz = 25_000_000;

    private readonly object _gate = new();
    private readonly byte[] _registers = new byte[256];
    private byte _pointer;

    public Pca9685RegisterFile(int address = 0x40)
    {
        Address = address;
        Reset();
    }

    public int Address { get; }

    /// <summary>Raised after a write that may have changed channel outputs: the channels touched.</summary>
    public event Action<IReadOnlyList<int>>? ChannelsChanged;

    /// <summary>Fault injection: when true, every transfer fails as a NACK does on a real bus.</summary>
    public bool Unresponsive { get; set; }

    /// <summary>How many bus transfers the chip has seen (writes and reads).</summary>
    public int TransferCount { get; private set; }

    /// <summary>How many writes carried register data (not just a register address before a read): what can change outputs.</summary>
    public int WriteCount { get; private set; }

    public bool IsSleeping
    {
        get
        {
            lock (_gate)
            {
                return (_registers[Mode1] & SleepBit) != 0;
            }
        }
    }

    public byte PrescaleValue
    {
        get
        {
            lock (_gate)
            {
                return _registers[Prescale];
            }
        }
    }

    public Frequency PwmFrequency => Frequency.FromHertz(OscillatorHertz / 4096.0 / (PrescaleValue + 1.0));

    public byte ReadRegister(int register)
    {
        lock (_gate)
        {
            return _registers[register];
        }
    }

    /// <summary>
    /// The high time of a channel's pulse, or null when the channel sends no pulses (full off, or the chip
    /// asleep): a hobby servo then goes limp.
    /// </summary>
    public Duration? PulseWidth(int channel) =>
        PulseMicroseconds(channel) is { } microseconds ? Duration.FromMicroseconds(microseconds) : null;

    /// <summary><see cref="PulseWidth"/> in microseconds, without quantity objects: the simulator's hot path.</summary>
    public double? PulseMicroseconds(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 15);
        int on;
        int off;
        byte prescale;
        lock (_gate)
        {
            if ((_registers[Mode1] & SleepBit) != 0)
            {
                return null;
            }

            var baseRegister = Led0OnLow + (4 * channel);
            on = _registers[baseRegister] | (_registers[baseRegister + 1] << 8);
            off = _registers[baseRegister + 2] | (_registers[baseRegister + 3] << 8);
            prescale = _registers[Prescale];
        }

        if ((off & 0x1000) != 0)
        {
            return null;
        }

        var periodMicroseconds = 1e6 * 4096.0 * (prescale + 1.0) / OscillatorHertz;
        if ((on & 0x1000) != 0)
        {
            return periodMicroseconds;
        }

        var counts = ((off & 0x0FFF) - (on & 0x0FFF) + 4096) % 4096;
        return periodMicroseconds * counts / 4096.0;
    }

    /// <summary>An I2C write: the first byte selects the register, the rest are stored from there.</summary>
    internal void Write(ReadOnlySpan<byte> data)
    {
        var touched = 0; // bit n set: channel n changed
        lock (_gate)
        {
            Transfer();
            if (data.Length == 0)
            {
                return;
            }

            if (data.Length > 1)
            {
                WriteCount++;
            }

            _pointer = data[0];
            for (var index = 1; index < data.Length; index++)
            {
                touched |= Store(_pointer, data[index]);
                if ((_registers[Mode1] & AutoIncrementBit) != 0)
                {
                    _pointer = NextRegister(_pointer);
                }
            }
        }

        if (touched != 0 && ChannelsChanged is { } handler)
        {
            handler(ChannelsIn(touched));
        }
    }

    /// <summary>An I2C read from the current register pointer.</summary>
    internal void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            Transfer();
            for (var index = 0; index < buffer.Length; index++)
            {
                buffer[index] = _registers[_pointer];
                if ((_registers[Mode1] & AutoIncrementBit) != 0)
                {
                    _pointer = NextRegister(_pointer);
                }
            }
        }
    }

    /// <summary>Power-on state from the datasheet: asleep, all outputs full off, prescale 30 (200 Hz).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_registers);
            _registers[Mode1] = 0x11;
            _registers[Mode2] = 0x04;
            for (var channel = 0; channel < 16; channel++)
            {
                _registers[Led0OnLow + (4 * channel) + 3] = 0x10;
            }

            _registers[AllLedOnLow + 3] = 0x10;
            _registers[Prescale] = 0x1E;
            _pointer = 0;
        }
    }

    private void Transfer()
    {
        TransferCount++;
        if (Unresponsive)
        {
            throw new IOException($"The PCA9685 at 0x{Address:X2} does not answer (no ACK); check its power and wiring.");
        }
    }

    /// <summary>Stores one byte as the chip would; returns the channels whose output it may have changed, as bits.</summary>
    private int Store(byte register, byte value)
    {
        const int AllChannels = 0xFFFF;
        if (register == Prescale && (_registers[Mode1] & SleepBit) == 0)
        {
            return 0; // The chip ignores PRESCALE writes unless it is asleep.
        }

        _registers[register] = value;
        if (register is >= Led0OnLow and < Led0OnLow + 64)
        {
            return 1 << ((register - Led0OnLow) / 4);
        }

        if (register is >= AllLedOnLow and <= AllLedOnLow + 3)
        {
            for (var channel = 0; channel < 16; channel++)
            {
                _registers[Led0OnLow + (4 * channel) + (register - AllLedOnLow)] = value;
            }

            return AllChannels;
        }

        return register is Mode1 or Prescale ? AllChannels : 0;
    }

    private static int[] ChannelsIn(int bits)
    {
        var channels = new int[int.PopCount(bits)];
        var next = 0;
        for (var channel = 0; channel < 16; channel++)
        {
            if ((bits & (1 << channel)) != 0)
            {
                channels[next++] = channel;
            }
        }

        return channels;
    }

    /// <summary>Auto-increment wraps from the last LED register back to MODE1, skipping the ALL_LED and PRESCALE block.</summary>
    private static byte NextRegister(byte register) => register switch
    {
        0x45 => 0x00,
        0xFF => 0x00,
        _ => (byte)(register + 1),
    };
}
