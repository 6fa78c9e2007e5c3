using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>
/// A time-parametrised joint path, sampled at a fixed period. The samples are exactly what a driver writes,
/// so a safety check of every sample is a check of every output.
/// </summary>
public sealed class JointTrajectory
{
    public JointTrajectory(IReadOnlyList<TrajectorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A trajectory needs at least one sample.", nameof(samples));
        }

        for (var index = 1; index < samples.Count; index++)
        {
            if (samples[index].Time <= samples[index - 1].Time)
            {
                throw new ArgumentException($"Sample {index} is not later than sample {index - 1}.", nameof(samples));
            }

            if (samples[index].Angles.Count != samples[0].Angles.Count)
            {
                throw new ArgumentException($"Sample {index} has {samples[index].Angles.Count} joints, sample 0 has {samples[0].Angles.Count}.", nameof(samples));
            }
        }

        Samples = samples.ToArray();
    }

    public IReadOnlyList<TrajectorySample> Samples { get; }

    public JointAngles Start => Samples[0].Angles;

    public JointAngles End => Samples[^1].Angles;

    public Duration Duration => Samples[^1].Time - Samples[0].Time;

    /// <summary>A trajectory that stays at <paramref name="angles"/>.</summary>
    public static JointTrajectory Hold(JointAngles angles) => new([new TrajectorySample(Duration.Zero, angles)]);

    /// <summary>The highest speed of each joint between consecutive samples, in degrees per second.</summary>
    public double[] PeakSpeedsDegreesPerSecond()
    {
        var peaks = new double[Start.Count];
        for (var index = 1; index < Samples.Count; index++)
        {
            var seconds = (Samples[index].Time - Samples[index - 1].Time).Seconds;
            for (var joint = 0; joint < peaks.Length; joint++)
            {
                var speed = Math.Abs(Samples[index].Angles.DegreesAt(joint) - Samples[index - 1].Angles.DegreesAt(joint)) / seconds;
                peaks[joint] = Math.Max(peaks[joint], speed);
            }
        }

        return peaks;
    }

    /// <summary>The position at <paramref name="time"/>, interpolated linearly between samples and clamped to the ends.</summary>
    public JointAngles At(Duration time)
    {
        if (time <= Samples[0].Time)
        {
            return Start;
        }

        if (time >= Samples[^1].Time)
        {
            return End;
        }

        var upper = 1;
        while (Samples[upper].Time < time)
        {
            upper++;
        }

        var before = Samples[upper - 1];
        var after = Samples[upper];
        var fraction = (time - before.Time).Seconds / (after.Time - before.Time).Seconds;
        return before.Angles.Lerp(after.Angles, fraction);
    }
}
