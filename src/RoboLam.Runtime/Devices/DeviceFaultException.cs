namespace RoboLam.Runtime.Devices;

/// <summary>
/// A device actor's way of failing when its actuator throws: it names the device and carries the driver's
/// exception, which the device supervisor judges (IO: restart, safety: stop). Whatever it cannot judge reaches the
/// controller still wrapped, so the controller knows it is a device's fault and escalates it.
/// </summary>
public sealed class DeviceFaultException : Exception
{
    public DeviceFaultException()
    {
    }

    public DeviceFaultException(string message)
        : base(message)
    {
    }

    public DeviceFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeviceFaultException(string deviceId, string message, Exception innerException)
        : base($"device {deviceId}: {message}", innerException)
    {
        DeviceId = deviceId;
    }

    public string? DeviceId { get; }
}
