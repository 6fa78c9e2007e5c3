using System.Globalization;
using RoboLam.Hardware.Description;
using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>
/// Forward and inverse kinematics of the 4-joint arm: a base that turns about the vertical axis, then a
/// planar chain of shoulder, elbow and wrist. The inverse keeps the tool pointing straight down, which fixes
/// the wrist, and prefers the elbow-up solution (falling back to elbow-down when a joint limit forbids it).
/// </summary>
/// <remarks>
/// Angles: base 0° points along the base heading, positive counter-clockwise seen from above; shoulder is the
/// upper arm's elevation above horizontal; elbow and wrist are relative to the previous link, negative bends
/// down. The tool's pitch is shoulder + elbow + wrist, −90° when pointing down.
/// </remarks>
public sealed class ArmKinematics
{
    /// <summary>Targets closer than this to the base axis have no well-defined base angle.</summary>
    private const double MinimumRadiusMeters = 0.02;

    private readonly ArmDescription _arm;
    private readonly double _baseX;
    private readonly double _baseY;
    private readonly double _shoulderHeight;
    private readonly double _headingRadians;
    private readonly double _upper;
    private readonly double _fore;
    private readonly double _tool;

    public ArmKinematics(ArmDescription arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        _arm = arm;
        _baseX = arm.Base.X.Meters;
        _baseY = arm.Base.Y.Meters;
        _shoulderHeight = arm.Base.ShoulderHeight.Meters;
        _headingRadians = arm.Base.Heading.Radians;
        _upper = arm.Links.UpperArm.Meters;
        _fore = arm.Links.Forearm.Meters;
        _tool = arm.Links.Tool.Meters;
    }

    public ArmDescription Arm => _arm;

    /// <summary>Where the fingertips are for the given joint angles.</summary>
    public Point3 Forward(JointAngles angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        RequireFourJoints(angles);
        var yaw = _headingRadians + ToRadians(angles.DegreesAt(0));
        var shoulder = ToRadians(angles.DegreesAt(1));
        var elbow = shoulder + ToRadians(angles.DegreesAt(2));
        var tool = elbow + ToRadians(angles.DegreesAt(3));
        var reach = (_upper * Math.Cos(shoulder)) + (_fore * Math.Cos(elbow)) + (_tool * Math.Cos(tool));
        var height = _shoulderHeight + (_upper * Math.Sin(shoulder)) + (_fore * Math.Sin(elbow)) + (_tool * Math.Sin(tool));
        return Point3.FromMeters(_baseX + (reach * Math.Cos(yaw)), _baseY + (reach * Math.Sin(yaw)), height);
    }

    /// <summary>Joint angles that put the fingertips at <paramref name="target"/> with the tool pointing down.</summary>
    /// <exception cref="UnreachableTargetException">The point is too far, too close, or needs a joint beyond its limits.</exception>
    public JointAngles Inverse(Point3 target) =>
        TryInverse(target, out var angles, out var reason) ? angles : throw new UnreachableTargetException(target, reason);

    public bool TryInverse(Point3 target, out JointAngles angles, out string reason)
    {
        angles = null!;
        var dx = target.XMeters - _baseX;
        var dy = target.YMeters - _baseY;
        var radius = Math.Sqrt((dx * dx) + (dy * dy));
        if (radius < MinimumRadiusMeters)
        {
            reason = Invariant($"it is {radius:0.###} m from the base axis, closer than {MinimumRadiusMeters} m");
            return false;
        }

        var baseAngle = NormalizeDegrees(ToDegrees(Math.Atan2(dy, dx) - _headingRadians));

        // The wrist pivot sits one tool length straight above the fingertips.
        var across = radius;
        var up = target.ZMeters + _tool - _shoulderHeight;
        var distance = Math.Sqrt((across * across) + (up * up));
        var longest = _upper + _fore;
        var shortest = Math.Abs(_upper - _fore);
        if (distance > longest)
        {
            reason = Invariant($"the wrist would be {distance:0.###} m from the shoulder, the arm reaches {longest:0.###} m");
            return false;
        }

        if (distance < shortest)
        {
            reason = Invariant($"the wrist would be {distance:0.###} m from the shoulder, the arm cannot fold closer than {shortest:0.###} m");
            return false;
        }

        var towardWrist = Math.Atan2(up, across);
        var atShoulder = Math.Acos(Math.Clamp(((_upper * _upper) + (distance * distance) - (_fore * _fore)) / (2 * _upper * distance), -1, 1));
        var atElbow = Math.Acos(Math.Clamp(((_upper * _upper) + (_fore * _fore) - (distance * distance)) / (2 * _upper * _fore), -1, 1));

        var elbowUp = Solution(baseAngle, towardWrist + atShoulder, -(Math.PI - atElbow));
        var limitProblem = FirstLimitViolation(elbowUp);
        if (limitProblem is null)
        {
            angles = elbowUp;
            reason = string.Empty;
            return true;
        }

        var elbowDown = Solution(baseAngle, towardWrist - atShoulder, Math.PI - atElbow);
        if (FirstLimitViolation(elbowDown) is null)
        {
            angles = elbowDown;
            reason = string.Empty;
            return true;
        }

        reason = limitProblem;
        return false;
    }

    /// <summary>Null when every angle is within its joint's limits; otherwise which joint and by how much.</summary>
    public string? FirstLimitViolation(JointAngles angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        for (var index = 0; index < _arm.Joints.Count && index < angles.Count; index++)
        {
            var joint = _arm.Joints[index];
            if (!joint.Allows(angles[index]))
            {
                return Invariant($"the {joint.Name} joint would need {angles.DegreesAt(index):0.#}°, its limits are {joint.Minimum.Degrees:0.#}° to {joint.Maximum.Degrees:0.#}°");
            }
        }

        return null;
    }

    private static JointAngles Solution(double baseDegrees, double shoulderRadians, double elbowRadians)
    {
        var wristRadians = (-Math.PI / 2) - shoulderRadians - elbowRadians;
        return JointAngles.FromDegrees(baseDegrees, ToDegrees(shoulderRadians), ToDegrees(elbowRadians), ToDegrees(wristRadians));
    }

    private static void RequireFourJoints(JointAngles angles)
    {
        if (angles.Count != 4)
        {
            throw new ArgumentException($"The arm has 4 joints; got {angles.Count} angles.", nameof(angles));
        }
    }

    private static double NormalizeDegrees(double degrees)
    {
        var result = degrees % 360.0;
        if (result > 180.0)
        {
            result -= 360.0;
        }
        else if (result <= -180.0)
        {
            result += 360.0;
        }

        return result;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static double ToDegrees(double radians) => radians * 180.0 / Math.PI;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
