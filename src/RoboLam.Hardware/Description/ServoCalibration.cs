using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// A hobby servo on one PCA9685 channel: the pulse widths at its two end stops, its travel, and how a joint
/// angle maps onto a servo angle (servo = <see cref="ZeroAt"/> + <see cref="Direction"/> × joint).
/// </summary>
public sealed record ServoCalibration(int Channel, Duration MinimumPulse, Duration MaximumPulse, Angle Travel, Angle ZeroAt, int Direction)
{
    public Angle ServoAngleFor(Angle jointAngle) => Angle.FromDegrees(ZeroAt.Degrees + (Direction * jointAngle.Degrees));

    public Angle JointAngleFor(Angle servoAngle) => Angle.FromDegrees((servoAngle.Degrees - ZeroAt.Degrees) * Direction);

    /// <summary>The servo angle a pulse of <paramref name="pulse"/> commands (linear between the end stops).</summary>
    public Angle ServoAngleForPulse(Duration pulse)
    {
        var fraction = (pulse.Microseconds - MinimumPulse.Microseconds) / (MaximumPulse.Microseconds - MinimumPulse.Microseconds);
        return Angle.FromDegrees(fraction * Travel.Degrees);
    }

    public Duration PulseForServoAngle(Angle servoAngle) =>
        Duration.FromMicroseconds(MinimumPulse.Microseconds + ((MaximumPulse.Microseconds - MinimumPulse.Microseconds) * servoAngle.Degrees / Travel.Degrees));
}
