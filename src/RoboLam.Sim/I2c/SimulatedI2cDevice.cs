using System.Device.I2c;

namespace RoboLam.Sim.I2c;

/// <summary>An <see cref="I2cDevice"/> handle onto a simulated chip; disposing the handle leaves the chip as it is.</summary>
public sealed class SimulatedI2cDevice(I2cConnectionSettings settings, Pca9685RegisterFile chip) : I2cDevice
{
    private bool _disposed;

    public override I2cConnectionSettings ConnectionSettings { get; } = settings;

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        ThrowIfDisposed();
        chip.Read(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisposed();
        chip.Write(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
