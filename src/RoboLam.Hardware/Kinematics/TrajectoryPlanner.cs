using RoboLam.Hardware.Description;
using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>
/// Turns joint-space waypoints into a sampled trajectory that no joint can exceed its speed limit on: each
/// segment between waypoints lasts as long as its slowest joint needs, all joints moving in step, and the
/// result is sampled at the robot's sample period (the rate the driver writes servo positions).
/// </summary>
public sealed class TrajectoryPlanner
{
    private readonly double[] _maxDegreesPerSecond;
    private readonly double _sampleSeconds;

    public TrajectoryPlanner(IReadOnlyList<JointDescription> joints, Duration samplePeriod)
    {
        ArgumentNullException.ThrowIfNull(joints);
        if (samplePeriod <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(samplePeriod), samplePeriod, "The sample period must be positive.");
        }

        _maxDegreesPerSecond = joints.Select(joint => joint.MaxSpeed.DegreesPerSecond).ToArray();
        _sampleSeconds = samplePeriod.Seconds;
    }

    public Duration SamplePeriod => Duration.FromSeconds(_sampleSeconds);

    /// <summary>A trajectory from the first waypoint through all others.</summary>
    /// <param name="waypoints">Joint positions to pass through, in order.</param>
    /// <param name="speedScale">Fraction of every joint's speed limit to use (0 &lt; scale ≤ 1), e.g. for reduced-speed mode.</param>
    public JointTrajectory Plan(IReadOnlyList<JointAngles> waypoints, double speedScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(waypoints);
        if (waypoints.Count == 0)
        {
            throw new ArgumentException("At least one waypoint is needed.", nameof(waypoints));
        }

        if (!(speedScale > 0 && speedScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(speedScale), speedScale, "The speed scale must be above 0 and at most 1.");
        }

        // Time at which each waypoint is reached.
        var arrival = new double[waypoints.Count];
        for (var index = 1; index < waypoints.Count; index++)
        {
            arrival[index] = arrival[index - 1] + SegmentSeconds(waypoints[index - 1], waypoints[index], speedScale);
        }

        var total = arrival[^1];
        var samples = new List<TrajectorySample> { new(Duration.Zero, waypoints[0]) };
        var segment = 1;
        for (var step = 1; ; step++)
        {
            var time = Math.Min(step * _sampleSeconds, total);
            while (segment < waypoints.Count - 1 && arrival[segment] < time)
            {
                segment++;
            }

            if (time <= samples[^1].Time.Seconds)
            {
                break;
            }

            var span = arrival[segment] - arrival[segment - 1];
            var fraction = span <= 0 ? 1.0 : (time - arrival[segment - 1]) / span;
            samples.Add(new TrajectorySample(Duration.FromSeconds(time), waypoints[segment - 1].Lerp(waypoints[segment], Math.Clamp(fraction, 0, 1))));
            if (time >= total)
            {
                break;
            }
        }

        return new JointTrajectory(samples);
    }

    /// <summary>A point-to-point move.</summary>
    public JointTrajectory Plan(JointAngles from, JointAngles to, double speedScale = 1.0) => Plan([from, to], speedScale);

    private double SegmentSeconds(JointAngles from, JointAngles to, double speedScale)
    {
        var seconds = 0.0;
        for (var joint = 0; joint < from.Count; joint++)
        {
            var needed = Math.Abs(to.DegreesAt(joint) - from.DegreesAt(joint)) / (_maxDegreesPerSecond[joint] * speedScale);
            seconds = Math.Max(seconds, needed);
        }

        return seconds;
    }
}
