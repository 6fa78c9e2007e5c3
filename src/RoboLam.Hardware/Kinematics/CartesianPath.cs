using System.Globalization;
using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>
/// Straight lines in the world, turned into joint waypoints through the inverse kinematics, so that a
/// descent is a descent and not an arc that could sweep through a stack.
/// </summary>
public sealed class CartesianPath
{
    private readonly ArmKinematics _kinematics;
    private readonly double _stepMeters;

    public CartesianPath(ArmKinematics kinematics, Length step)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        if (step <= Length.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The path step must be positive.");
        }

        _kinematics = kinematics;
        _stepMeters = step.Meters;
    }

    /// <summary>Joint waypoints along the polyline through <paramref name="points"/>, one every path step.</summary>
    /// <exception cref="UnreachableTargetException">Some point along the line is out of reach; the message names it.</exception>
    public IReadOnlyList<JointAngles> Through(IReadOnlyList<Point3> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var waypoints = new List<JointAngles>();
        for (var index = 0; index < points.Count; index++)
        {
            if (index == 0)
            {
                waypoints.Add(Solve(points[0], points[0], points[0]));
                continue;
            }

            var from = points[index - 1];
            var to = points[index];
            var length = from.DistanceTo(to).Meters;
            var steps = Math.Max(1, (int)Math.Ceiling(length / _stepMeters));
            for (var step = 1; step <= steps; step++)
            {
                var fraction = (double)step / steps;
                var point = Point3.FromMeters(
                    from.XMeters + ((to.XMeters - from.XMeters) * fraction),
                    from.YMeters + ((to.YMeters - from.YMeters) * fraction),
                    from.ZMeters + ((to.ZMeters - from.ZMeters) * fraction));
                waypoints.Add(Solve(point, from, to));
            }
        }

        return waypoints;
    }

    private JointAngles Solve(Point3 point, Point3 from, Point3 to)
    {
        if (_kinematics.TryInverse(point, out var angles, out var reason))
        {
            return angles;
        }

        var where = from == to ? point.ToString() : string.Create(CultureInfo.InvariantCulture, $"{point} on the way from {from} to {to}");
        throw new UnreachableTargetException(point, $"{reason} (at {where})");
    }
}
