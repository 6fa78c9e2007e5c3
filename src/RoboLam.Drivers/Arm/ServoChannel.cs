using Iot.Device.ServoMotor;
using RoboLam.Hardware.Description;
using UnitsNet;

namespace RoboLam.Drivers.Arm;

/// <summary>One hobby servo: the real <see cref="ServoMotor"/> binding plus the robot file's joint↔servo mapping.</summary>
internal sealed class ServoChannel(ServoMotor motor, ServoCalibration calibration, string name) : IDisposable
{
    // The mapping in plain degrees: this runs for every joint at every sample.
    private readonly double _zeroDegrees = calibration.ZeroAt.Degrees;
    private readonly double _travelDegrees = calibration.Travel.Degrees;

    public string Name { get; } = name;

    public ServoCalibration Calibration { get; } = calibration;

    /// <summary>Whether the channel is sending pulses (false after a release).</summary>
    public bool IsEnergised { get; private set; }

    /// <summary>Commands a servo angle (0 … travel).</summary>
    public void WriteServoAngle(Angle servoAngle) => WriteServoDegrees(servoAngle.Degrees);

    /// <summary>Commands a joint angle, in degrees, through the calibration.</summary>
    public void WriteJointDegrees(double jointDegrees) => WriteServoDegrees(_zeroDegrees + (Calibration.Direction * jointDegrees));

    private void WriteServoDegrees(double servoDegrees)
    {
        var degrees = Math.Clamp(servoDegrees, 0, _travelDegrees);
        if (!IsEnergised)
        {
            motor.Start();
            IsEnergised = true;
        }

        motor.WriteAngle(degrees);
    }

    /// <summary>Stops the pulses: the servo goes limp.</summary>
    public void Release()
    {
        motor.Stop();
        IsEnergised = false;
    }

    public void Dispose() => motor.Dispose();
}
