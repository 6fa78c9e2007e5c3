using System.Globalization;
using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Safety.Envelope;

/// <summary>Joint speeds of a sampled trajectory against the limits, and slowing a trajectory down along the same path.</summary>
internal static class TrajectorySpeed
{
    /// <summary>Rounding slack: a planner that moves exactly at the limit must pass.</summary>
    private const double RelativeTolerance = 1e-6;

    /// <summary>
    /// The largest ratio of a joint's speed to its limit × <paramref name="scale"/> over the samples from
    /// <paramref name="from"/>, with where it happens. A ratio above 1 means too fast.
    /// </summary>
    public static SpeedPeak Peak(SafetyEnvelope envelope, IReadOnlyList<TrajectorySample> samples, int from, double scale)
    {
        var peak = new SpeedPeak(0, 0, 0, 0);
        for (var index = Math.Max(from, 0) + 1; index < samples.Count; index++)
        {
            var seconds = (samples[index].Time - samples[index - 1].Time).Seconds;
            for (var joint = 0; joint < envelope.MaxDegreesPerSecond.Length; joint++)
            {
                var speed = Math.Abs(samples[index].Angles.DegreesAt(joint) - samples[index - 1].Angles.DegreesAt(joint)) / seconds;
                var ratio = speed / (envelope.MaxDegreesPerSecond[joint] * scale);
                if (ratio > peak.Ratio)
                {
                    peak = new SpeedPeak(ratio, joint, index, speed);
                }
            }
        }

        return peak;
    }

    public static bool IsTooFast(SpeedPeak peak) => peak.Ratio > 1 + RelativeTolerance;

    public static string Describe(SafetyEnvelope envelope, SpeedPeak peak, double scale) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"the {envelope.JointNames[peak.Joint]} joint would turn at {peak.DegreesPerSecond:0.#}°/s before sample {peak.Sample}, its limit is {envelope.MaxDegreesPerSecond[peak.Joint] * scale:0.#}°/s");

    /// <summary>
    /// The same path, <paramref name="factor"/> times slower, resampled at <paramref name="period"/> so the
    /// driver keeps writing at its usual rate. Every new sample lies on the original piecewise-linear path.
    /// </summary>
    public static JointTrajectory Slow(JointTrajectory trajectory, double factor, Duration period)
    {
        var original = trajectory.Samples;
        var start = original[0].Time.Seconds;
        var total = (original[^1].Time.Seconds - start) * factor;
        var step = period.Seconds;
        var samples = new List<TrajectorySample> { new(original[0].Time, original[0].Angles) };
        var segment = 1;
        for (var tick = 1; ; tick++)
        {
            var elapsed = Math.Min(tick * step, total);
            var sourceTime = start + (elapsed / factor);
            while (segment < original.Count - 1 && original[segment].Time.Seconds < sourceTime)
            {
                segment++;
            }

            var before = original[segment - 1];
            var after = original[segment];
            var span = (after.Time - before.Time).Seconds;
            var fraction = span <= 0 ? 1.0 : Math.Clamp((sourceTime - before.Time.Seconds) / span, 0, 1);
            var angles = elapsed >= total ? original[^1].Angles : before.Angles.Lerp(after.Angles, fraction);
            samples.Add(new TrajectorySample(Duration.FromSeconds(start + elapsed), angles));
            if (elapsed >= total)
            {
                break;
            }
        }

        return new JointTrajectory(samples);
    }
}

/// <summary>The fastest joint relative to its limit: the ratio, which joint, the sample it arrives at, and its speed.</summary>
internal readonly record struct SpeedPeak(double Ratio, int Joint, int Sample, double DegreesPerSecond);
