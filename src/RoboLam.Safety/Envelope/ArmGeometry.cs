using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;

namespace RoboLam.Safety.Envelope;

/// <summary>
/// Forward kinematics of every joint of the 4-joint arm, not only the fingertips: the path check needs the
/// elbow and the wrist too, because a keep-out box can be hit by the forearm while the fingertips are clear.
/// Same conventions as <see cref="ArmKinematics"/> (a test holds the two to the same fingertip).
/// </summary>
internal sealed class ArmGeometry
{
    private const double DegreesToRadians = Math.PI / 180.0;

    private readonly double _baseX;
    private readonly double _baseY;
    private readonly double _shoulderHeight;
    private readonly double _heading;
    private readonly double _upper;
    private readonly double _fore;
    private readonly double _tool;

    public ArmGeometry(ArmDescription arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        _baseX = arm.Base.X.Meters;
        _baseY = arm.Base.Y.Meters;
        _shoulderHeight = arm.Base.ShoulderHeight.Meters;
        _heading = arm.Base.Heading.Radians;
        _upper = arm.Links.UpperArm.Meters;
        _fore = arm.Links.Forearm.Meters;
        _tool = arm.Links.Tool.Meters;
    }

    public Position Shoulder => new(_baseX, _baseY, _shoulderHeight);

    /// <summary>Elbow, wrist and fingertip positions for <paramref name="angles"/> (base, shoulder, elbow, wrist in degrees).</summary>
    public ArmPose Pose(JointAngles angles)
    {
        var yaw = _heading + (angles.DegreesAt(0) * DegreesToRadians);
        var shoulder = angles.DegreesAt(1) * DegreesToRadians;
        var elbow = shoulder + (angles.DegreesAt(2) * DegreesToRadians);
        var tool = elbow + (angles.DegreesAt(3) * DegreesToRadians);
        var cosYaw = Math.Cos(yaw);
        var sinYaw = Math.Sin(yaw);

        var elbowReach = _upper * Math.Cos(shoulder);
        var elbowHeight = _shoulderHeight + (_upper * Math.Sin(shoulder));
        var wristReach = elbowReach + (_fore * Math.Cos(elbow));
        var wristHeight = elbowHeight + (_fore * Math.Sin(elbow));
        var tipReach = wristReach + (_tool * Math.Cos(tool));
        var tipHeight = wristHeight + (_tool * Math.Sin(tool));
        return new ArmPose(
            Shoulder,
            new Position(_baseX + (elbowReach * cosYaw), _baseY + (elbowReach * sinYaw), elbowHeight),
            new Position(_baseX + (wristReach * cosYaw), _baseY + (wristReach * sinYaw), wristHeight),
            new Position(_baseX + (tipReach * cosYaw), _baseY + (tipReach * sinYaw), tipHeight));
    }

    /// <summary>
    /// An upper bound on how far any point of the arm moves when the joints go linearly from
    /// <paramref name="from"/> to <paramref name="to"/>: each joint's turn times the longest lever it moves.
    /// </summary>
    public double MaxDisplacement(JointAngles from, JointAngles to)
    {
        var wholeArm = _upper + _fore + _tool;
        return DegreesToRadians * (
            (Math.Abs(to.DegreesAt(0) - from.DegreesAt(0)) * wholeArm)
            + (Math.Abs(to.DegreesAt(1) - from.DegreesAt(1)) * wholeArm)
            + (Math.Abs(to.DegreesAt(2) - from.DegreesAt(2)) * (_fore + _tool))
            + (Math.Abs(to.DegreesAt(3) - from.DegreesAt(3)) * _tool));
    }
}

/// <summary>Where the arm's joints are; the links are the segments between consecutive points.</summary>
internal readonly record struct ArmPose(Position Shoulder, Position Elbow, Position Wrist, Position Tip);
