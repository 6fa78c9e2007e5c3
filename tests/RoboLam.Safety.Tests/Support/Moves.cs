using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Safety.Tests.Support;

/// <summary>Trajectories for tests, and the arm4 poses they use.</summary>
internal static class Moves
{
    /// <summary>Arm stretched forward and low, fingertips at about 0.62 m from the base: sweeping the base through 0° hits the camera mast.</summary>
    public static JointAngles Stretched(double baseDegrees) => JointAngles.FromDegrees(baseDegrees, 10, -10, -90);

    /// <summary>Arm folded up as at home (fingertips 0.30 m out): sweeping the base passes well clear of the mast.</summary>
    public static JointAngles Folded(double baseDegrees) => JointAngles.FromDegrees(baseDegrees, 90, -90, -90);

    /// <summary>A straight joint-space move sampled every 20 ms.</summary>
    public static JointTrajectory Linear(JointAngles from, JointAngles to, double seconds)
    {
        var steps = Math.Max(1, (int)Math.Ceiling(seconds / 0.02));
        var samples = Enumerable.Range(0, steps + 1)
            .Select(step => new TrajectorySample(Duration.FromSeconds(seconds * step / steps), from.Lerp(to, (double)step / steps)))
            .ToArray();
        return new JointTrajectory(samples);
    }
}
