using System.Globalization;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Decisions;

namespace RoboLam.Safety.Envelope;

/// <summary>
/// Walks a joint path through forward kinematics and finds the first place where the arm would leave the
/// bounds, touch a keep-out box, or enter a zone an active interlock forbids.
/// </summary>
/// <remarks>
/// Between two samples the joints move linearly, which in space is a curve. The inspector steps along each
/// segment so that no point of the arm moves more than the clearance between two looked-at positions (a
/// bound from each joint's turn times its longest lever), and tests every link as a straight segment
/// against boxes grown by the clearance. A link that clears the grown box at each step therefore cannot
/// touch the real box in between. Bounds are tested at the joints (elbow, wrist, fingertips) at each step;
/// between steps an overshoot of at most half the clearance is possible.
/// </remarks>
internal sealed class PathInspector(SafetyEnvelope envelope)
{
    private static readonly string[] s_linkNames = ["upper arm", "forearm", "tool"];

    /// <param name="samples">The trajectory.</param>
    /// <param name="from">The first sample still to run (0 at dispatch).</param>
    /// <param name="lead">Where the arm is now, when known: the move from there to sample <paramref name="from"/> is checked too.</param>
    /// <param name="forbiddenZones">Zones that active interlock rules forbid now.</param>
    public PathViolation? Inspect(IReadOnlyList<TrajectorySample> samples, int from, JointAngles? lead, IReadOnlyList<ForbiddenZone> forbiddenZones)
    {
        var previous = lead ?? samples[from].Angles;
        var previousTime = samples[from].Time.Seconds;
        if (Check(previous, forbiddenZones, previousTime, from, from) is { } first)
        {
            return first;
        }

        var start = lead is null ? from + 1 : from;
        for (var index = start; index < samples.Count; index++)
        {
            var next = samples[index].Angles;
            var nextTime = samples[index].Time.Seconds;
            var steps = Math.Max(1, (int)Math.Ceiling(envelope.Geometry.MaxDisplacement(previous, next) / envelope.PathStepMeters));
            for (var step = 1; step <= steps; step++)
            {
                var fraction = (double)step / steps;
                var angles = step == steps ? next : previous.Lerp(next, fraction);
                var time = previousTime + ((nextTime - previousTime) * fraction);
                if (Check(angles, forbiddenZones, time, Math.Max(from, index - 1), index) is { } violation)
                {
                    return violation;
                }
            }

            previous = next;
            previousTime = nextTime;
        }

        return null;
    }

    /// <summary>The first sample at or after <paramref name="from"/> that puts a joint beyond its limits.</summary>
    public PathViolation? CheckJointLimits(IReadOnlyList<TrajectorySample> samples, int from)
    {
        for (var index = from; index < samples.Count; index++)
        {
            if (JointLimitViolation(samples[index].Angles) is { } joint)
            {
                var degrees = samples[index].Angles.DegreesAt(joint);
                return new PathViolation(
                    SafetyRules.JointLimit,
                    Invariant($"sample {index} ({samples[index].Time.Seconds:0.###} s) puts the {envelope.JointNames[joint]} joint at {degrees:0.##}°, beyond its limits {envelope.MinimumDegrees[joint]:0.##}° to {envelope.MaximumDegrees[joint]:0.##}°"));
            }
        }

        return null;
    }

    /// <summary>The index of the first joint outside its limits, or null.</summary>
    public int? JointLimitViolation(JointAngles angles)
    {
        for (var joint = 0; joint < envelope.JointNames.Length; joint++)
        {
            var degrees = angles.DegreesAt(joint);
            if (!double.IsFinite(degrees) || degrees < envelope.MinimumDegrees[joint] - 1e-9 || degrees > envelope.MaximumDegrees[joint] + 1e-9)
            {
                return joint;
            }
        }

        return null;
    }

    private PathViolation? Check(JointAngles angles, IReadOnlyList<ForbiddenZone> forbiddenZones, double time, int sampleBefore, int sampleAfter)
    {
        var pose = envelope.Geometry.Pose(angles);
        if (envelope.Bounds is { } bounds)
        {
            foreach (var (name, point) in new[] { ("elbow", pose.Elbow), ("wrist", pose.Wrist), ("fingertips", pose.Tip) })
            {
                if (!bounds.Contains(point))
                {
                    return new PathViolation(
                        SafetyRules.WorkspaceBounds,
                        Invariant($"the {name} would be at {point} {When(time, sampleBefore, sampleAfter)}, outside the workspace bounds ({bounds.Box})"));
                }
            }
        }

        foreach (var box in envelope.KeepOut)
        {
            if (TouchingLink(pose, box) is { } link)
            {
                return new PathViolation(
                    SafetyRules.KeepOut(box.Name),
                    Invariant($"the {link} would enter keep-out box \"{box.Name}\" {When(time, sampleBefore, sampleAfter)} (the box grown by the clearance is {box.Box})"));
            }
        }

        foreach (var zone in forbiddenZones)
        {
            if (TouchingLink(pose, zone.Region) is { } link)
            {
                var why = zone.Rule.Why is null ? string.Empty : $" ({zone.Rule.Why})";
                return new PathViolation(
                    SafetyRules.Interlock(zone.Rule.Name),
                    Invariant($"interlock \"{zone.Rule.Name}\" forbids entering zone \"{zone.Region.Name}\" while {zone.Rule.While}{why}; the {link} would enter it {When(time, sampleBefore, sampleAfter)}"));
            }
        }

        return null;
    }

    private static string? TouchingLink(ArmPose pose, Region region)
    {
        if (region.Touches(pose.Shoulder, pose.Elbow))
        {
            return s_linkNames[0];
        }

        if (region.Touches(pose.Elbow, pose.Wrist))
        {
            return s_linkNames[1];
        }

        return region.Touches(pose.Wrist, pose.Tip) ? s_linkNames[2] : null;
    }

    private static string When(double time, int sampleBefore, int sampleAfter) =>
        sampleBefore == sampleAfter
            ? Invariant($"at {time:0.###} s (sample {sampleAfter})")
            : Invariant($"at {time:0.###} s (between samples {sampleBefore} and {sampleAfter})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A zone an interlock rule forbids right now, with the rule (for the refusal's reason).</summary>
internal sealed record ForbiddenZone(InterlockRule Rule, Region Region);

/// <summary>Which rule a path breaks and where.</summary>
internal sealed record PathViolation(string Rule, string Reason);
