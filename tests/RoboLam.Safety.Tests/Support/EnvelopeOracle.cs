using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;

namespace RoboLam.Safety.Tests.Support;

/// <summary>
/// An independent judge of arm positions for the property tests: its own forward kinematics of every joint,
/// dense sampling along each link and between writes, the raw (not grown) boxes, and the bounds with the
/// half-clearance tolerance the gate documents. It shares no code with the gate's path check.
/// </summary>
internal sealed class EnvelopeOracle(RobotDescription robot)
{
    private const int PointsPerLink = 8;
    private const int StepsBetweenWrites = 10;
    private readonly SafetyDescription _safety = robot.Safety!;
    private readonly double _boundsTolerance = robot.Safety!.Clearance.Meters / 2;

    /// <summary>Why the move from <paramref name="from"/> (null: none) to <paramref name="to"/> breaks the envelope, or null.</summary>
    public string? Judge(JointAngles? from, JointAngles to, SpaceBox? alsoForbidden)
    {
        for (var joint = 0; joint < to.Count; joint++)
        {
            var limits = robot.Arm.Joints[joint];
            if (to.DegreesAt(joint) < limits.Minimum.Degrees - 1e-6 || to.DegreesAt(joint) > limits.Maximum.Degrees + 1e-6)
            {
                return $"{limits.Name} at {to.DegreesAt(joint)}° is beyond its limits";
            }
        }

        var steps = from is null ? 1 : StepsBetweenWrites;
        for (var step = 1; step <= steps; step++)
        {
            var angles = from is null ? to : from.Lerp(to, (double)step / steps);
            var points = JointPoints(angles);
            foreach (var point in points.Skip(1))
            {
                if (_safety.Bounds is { } bounds && !Inside(bounds, point, _boundsTolerance))
                {
                    return $"{point} is outside the bounds at {angles}";
                }
            }

            for (var link = 0; link < 3; link++)
            {
                for (var index = 0; index <= PointsPerLink; index++)
                {
                    var point = Between(points[link], points[link + 1], (double)index / PointsPerLink);
                    foreach (var box in _safety.KeepOut)
                    {
                        if (Inside(box.Box, point, 0))
                        {
                            return $"{point} is inside keep-out box {box.Name} at {angles}";
                        }
                    }

                    if (alsoForbidden is not null && Inside(alsoForbidden, point, 0))
                    {
                        return $"{point} is inside a forbidden zone at {angles}";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Shoulder, elbow, wrist, fingertips, written out afresh from the arm's description.</summary>
    private (double X, double Y, double Z)[] JointPoints(JointAngles angles)
    {
        var arm = robot.Arm;
        var heading = arm.Base.Heading.Radians + (angles.DegreesAt(0) * Math.PI / 180);
        var pitch = 0.0;
        var reach = 0.0;
        var height = arm.Base.ShoulderHeight.Meters;
        var lengths = new[] { arm.Links.UpperArm.Meters, arm.Links.Forearm.Meters, arm.Links.Tool.Meters };
        var points = new (double X, double Y, double Z)[4];
        points[0] = (arm.Base.X.Meters, arm.Base.Y.Meters, height);
        for (var link = 0; link < 3; link++)
        {
            pitch += angles.DegreesAt(link + 1) * Math.PI / 180;
            reach += lengths[link] * Math.Cos(pitch);
            height += lengths[link] * Math.Sin(pitch);
            points[link + 1] = (arm.Base.X.Meters + (reach * Math.Cos(heading)), arm.Base.Y.Meters + (reach * Math.Sin(heading)), height);
        }

        return points;
    }

    private static (double X, double Y, double Z) Between((double X, double Y, double Z) a, (double X, double Y, double Z) b, double fraction) =>
        (a.X + ((b.X - a.X) * fraction), a.Y + ((b.Y - a.Y) * fraction), a.Z + ((b.Z - a.Z) * fraction));

    private static bool Inside(SpaceBox box, (double X, double Y, double Z) point, double tolerance) =>
        point.X >= box.XMin.Meters - tolerance && point.X <= box.XMax.Meters + tolerance
        && point.Y >= box.YMin.Meters - tolerance && point.Y <= box.YMax.Meters + tolerance
        && point.Z >= box.ZMin.Meters - tolerance && point.Z <= box.ZMax.Meters + tolerance;
}
