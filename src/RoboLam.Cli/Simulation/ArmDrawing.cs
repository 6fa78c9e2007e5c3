using RoboLam.Hardware.Description;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// The arm's pivots in world coordinates from its joint angles, for drawing: base, shoulder, elbow, wrist,
/// fingertips. Base yaw turns the arm's plane about the base; shoulder, elbow and wrist pitch within it.
/// </summary>
internal static class ArmDrawing
{
    public static IReadOnlyList<(double X, double Y, double Z)> Pivots(ArmDescription arm, IReadOnlyList<double> degrees)
    {
        var heading = (arm.Base.Heading.Degrees + degrees[0]) * Math.PI / 180;
        var (dx, dy) = (Math.Cos(heading), Math.Sin(heading));
        var height = arm.Base.ShoulderHeight.Meters;
        var links = new[] { arm.Links.UpperArm.Meters, arm.Links.Forearm.Meters, arm.Links.Tool.Meters };
        var planar = new List<(double R, double Z)> { (0, 0), (0, height) };
        var pitch = 0.0;
        for (var index = 0; index < links.Length && index + 1 < degrees.Count; index++)
        {
            pitch += degrees[index + 1] * Math.PI / 180;
            var last = planar[^1];
            planar.Add((last.R + (links[index] * Math.Cos(pitch)), last.Z + (links[index] * Math.Sin(pitch))));
        }

        var baseX = arm.Base.X.Meters;
        var baseY = arm.Base.Y.Meters;
        return planar.Select(point => (baseX + (point.R * dx), baseY + (point.R * dy), point.Z)).ToArray();
    }
}
