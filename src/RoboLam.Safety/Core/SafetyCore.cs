using System.Globalization;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Interlocks;

namespace RoboLam.Safety.Core;

/// <summary>
/// The decision core: a pure function of the safety state, the envelope and one command. It never does IO,
/// keeps no state and reads no clock, so the same inputs always give the same decision.
/// </summary>
public static class SafetyCore
{
    /// <summary>A trajectory may start this far from where the arm is (servo rounding), no further.</summary>
    private const double StartToleranceDegrees = 1.0;

    /// <summary>May <paramref name="command"/> run now? Allow, clamp (with the restricted command) or refuse with the rule.</summary>
    public static SafetyDecision Decide(SafetySnapshot state, SafetyEnvelope envelope, ActuatorCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(command);
        if (state.Mode is SafetyMode.Stopped or SafetyMode.Fault)
        {
            return RefuseForMode(state);
        }

        if (command is FollowTrajectory or OperateGripper && !envelope.HasArm)
        {
            return SafetyDecision.Refuse(SafetyRules.UnknownCommand, $"cell \"{envelope.CellName}\" has no arm, so it does not pass {command.GetType().Name} commands");
        }

        return command switch
        {
            FollowTrajectory follow => DecideTrajectory(state, envelope, follow),
            DeviceOperation operation => DecideOperation(state, envelope, operation),
            OperateGripper grip => DecideGripper(state, envelope, grip),
            SetDigitalOutput output => DecideOutput(state, envelope, output),
            _ => SafetyDecision.Refuse(SafetyRules.UnknownCommand, $"the safety gate has no rules for {command.GetType().Name} commands, so it does not pass them"),
        };
    }

    /// <summary>Null when motion as such may happen in <paramref name="state"/>; else why not (stopped or faulted, or an interlock forbidding all motion).</summary>
    public static SafetyDecision? WhyNoMotion(SafetySnapshot state, SafetyEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(envelope);
        if (state.Mode is SafetyMode.Stopped or SafetyMode.Fault)
        {
            return RefuseForMode(state);
        }

        return MotionRule(ConditionEvaluation.Active(envelope.Interlocks, state.Facts)) is { } rule ? RefuseByRule(rule, "motion") : null;
    }

    /// <summary>
    /// May a command that is already running go on in <paramref name="state"/>? Used when facts or the mode
    /// change during motion. <paramref name="nextSample"/> is the first trajectory sample not yet written.
    /// </summary>
    public static SafetyDecision CheckRunning(SafetySnapshot state, SafetyEnvelope envelope, ActuatorCommand running, int nextSample)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(running);
        if (state.Mode is SafetyMode.Stopped or SafetyMode.Fault)
        {
            return RefuseForMode(state);
        }

        if (running is not (FollowTrajectory or OperateGripper or DeviceOperation))
        {
            return SafetyDecision.Allow(running);
        }

        var active = ConditionEvaluation.Active(envelope.Interlocks, state.Facts);
        if (MotionRule(active) is { } motionRule)
        {
            return RefuseByRule(motionRule, "motion");
        }

        if (running is not FollowTrajectory follow)
        {
            return SafetyDecision.Allow(running);
        }

        var samples = follow.Trajectory.Samples;
        var from = Math.Clamp(nextSample, 0, samples.Count - 1);
        if (state.Mode == SafetyMode.ReducedSpeed)
        {
            var peak = TrajectorySpeed.Peak(envelope, samples, Math.Max(from - 1, 0), envelope.ReducedSpeedScale);
            if (TrajectorySpeed.IsTooFast(peak))
            {
                return SafetyDecision.Refuse(SafetyRules.ReducedSpeed, "reduced speed is on and " + TrajectorySpeed.Describe(envelope, peak, envelope.ReducedSpeedScale));
            }
        }

        var violation = new PathInspector(envelope).Inspect(samples, from, state.ArmPosition, ForbiddenZones(envelope, active));
        return violation is null ? SafetyDecision.Allow(running) : SafetyDecision.Refuse(violation.Rule, violation.Reason);
    }

    /// <summary>
    /// Is a position that a driver reports having written inside the envelope? Checks the joint limits and
    /// the move from <paramref name="previous"/> (when known) against bounds and keep-out boxes.
    /// </summary>
    /// <returns>Null when the position is fine, else the refusal naming the rule it breaks.</returns>
    public static SafetyDecision? CheckWrittenPosition(SafetyEnvelope envelope, JointAngles? previous, JointAngles written)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(written);
        var inspector = new PathInspector(envelope);
        if (written.Count != envelope.JointNames.Length)
        {
            return SafetyDecision.Refuse(SafetyRules.JointCount, $"the driver reported {written.Count} joint angles for a {envelope.JointNames.Length}-joint arm");
        }

        if (inspector.JointLimitViolation(written) is { } joint)
        {
            return SafetyDecision.Refuse(SafetyRules.JointLimit, Invariant($"the driver wrote the {envelope.JointNames[joint]} joint to {written.DegreesAt(joint):0.##}°, beyond its limits"));
        }

        var path = new[] { new TrajectorySample(UnitsNet.Duration.Zero, written) };
        var lead = previous is not null && previous.Count == written.Count ? previous : null;
        var violation = inspector.Inspect(path, 0, lead, []);
        return violation is null ? null : SafetyDecision.Refuse(violation.Rule, violation.Reason);
    }

    /// <summary>Outputs that are on but that an active rule now forbids, with the rule.</summary>
    public static IReadOnlyList<(string Output, InterlockRule Rule)> OutputsToSwitchOff(SafetyEnvelope envelope, WorldFacts facts, IEnumerable<string> activeOutputs)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(activeOutputs);
        var active = ConditionEvaluation.Active(envelope.Interlocks, facts);
        return activeOutputs
            .SelectMany(output => active
                .Where(rule => rule.Forbid is ForbidOutput forbid && string.Equals(forbid.Output, output, StringComparison.OrdinalIgnoreCase))
                .Take(1)
                .Select(rule => (output, rule)))
            .ToArray();
    }

    private static SafetyDecision DecideTrajectory(SafetySnapshot state, SafetyEnvelope envelope, FollowTrajectory follow)
    {
        var trajectory = follow.Trajectory;
        var jointCount = envelope.JointNames.Length;
        if (trajectory.Start.Count != jointCount)
        {
            return SafetyDecision.Refuse(SafetyRules.JointCount, $"the trajectory has {trajectory.Start.Count} joints, the arm has {jointCount}");
        }

        var lead = state.ArmPosition is { } position && position.Count == jointCount ? position : null;
        if (lead is not null && trajectory.Start.MaxDifference(lead).Degrees > StartToleranceDegrees)
        {
            return SafetyDecision.Refuse(
                SafetyRules.StartPosition,
                Invariant($"the trajectory starts at {trajectory.Start} but the arm is at {lead}; the jump between them is not a checked path, plan from the current position"));
        }

        var inspector = new PathInspector(envelope);
        if (inspector.CheckJointLimits(trajectory.Samples, 0) is { } limit)
        {
            return SafetyDecision.Refuse(limit.Rule, limit.Reason);
        }

        var peak = TrajectorySpeed.Peak(envelope, trajectory.Samples, 0, 1.0);
        if (TrajectorySpeed.IsTooFast(peak))
        {
            return SafetyDecision.Refuse(SafetyRules.JointSpeedLimit, TrajectorySpeed.Describe(envelope, peak, 1.0));
        }

        var active = ConditionEvaluation.Active(envelope.Interlocks, state.Facts);
        if (MotionRule(active) is { } motionRule)
        {
            return RefuseByRule(motionRule, "motion");
        }

        var effective = follow;
        string? clampReason = null;
        if (state.Mode == SafetyMode.ReducedSpeed)
        {
            var reduced = TrajectorySpeed.Peak(envelope, trajectory.Samples, 0, envelope.ReducedSpeedScale);
            if (TrajectorySpeed.IsTooFast(reduced))
            {
                // Slightly more than the ratio, so rounding cannot leave a sample a hair over the reduced limit.
                var slowed = TrajectorySpeed.Slow(trajectory, reduced.Ratio * (1 + 1e-9), envelope.SamplePeriod);
                effective = follow with { Trajectory = slowed };
                clampReason = Invariant($"reduced speed: slowed {reduced.Ratio:0.##}× to {envelope.ReducedSpeedScale:0.##} of the joint limits ({trajectory.Duration.Seconds:0.###} s became {slowed.Duration.Seconds:0.###} s), same path");
            }
        }

        var violation = inspector.Inspect(effective.Trajectory.Samples, 0, lead, ForbiddenZones(envelope, active));
        if (violation is not null)
        {
            return SafetyDecision.Refuse(violation.Rule, violation.Reason);
        }

        return clampReason is null ? SafetyDecision.Allow(follow) : SafetyDecision.Clamp(effective, SafetyRules.ReducedSpeed, clampReason);
    }

    private static SafetyDecision DecideGripper(SafetySnapshot state, SafetyEnvelope envelope, OperateGripper grip)
    {
        if (MotionRule(ConditionEvaluation.Active(envelope.Interlocks, state.Facts)) is { } motionRule)
        {
            return RefuseByRule(motionRule, "gripper motion");
        }

        var angle = envelope.GripperAngle(grip.Action);
        if (envelope.Safety.Gripper is { } limits && !limits.Allows(angle))
        {
            return SafetyDecision.Refuse(
                SafetyRules.GripperLimit,
                Invariant($"{grip.Action.ToString().ToLowerInvariant()} drives the gripper servo to {angle.Degrees:0.#}°, outside its limits {limits.MinimumAngle.Degrees:0.#}° to {limits.MaximumAngle.Degrees:0.#}°"));
        }

        return SafetyDecision.Allow(grip);
    }

    /// <summary>Line devices move parts: a motion interlock holds them like the arm.</summary>
    private static SafetyDecision DecideOperation(SafetySnapshot state, SafetyEnvelope envelope, DeviceOperation operation) =>
        MotionRule(ConditionEvaluation.Active(envelope.Interlocks, state.Facts)) is { } rule
            ? RefuseByRule(rule, $"{operation.Operation} on a line device")
            : SafetyDecision.Allow(operation);

    private static SafetyDecision DecideOutput(SafetySnapshot state, SafetyEnvelope envelope, SetDigitalOutput output)
    {
        if (!output.Active)
        {
            return SafetyDecision.Allow(output);
        }

        var rule = ConditionEvaluation.Active(envelope.Interlocks, state.Facts)
            .FirstOrDefault(rule => rule.Forbid is ForbidOutput forbid && string.Equals(forbid.Output, output.Output, StringComparison.OrdinalIgnoreCase));
        return rule is null ? SafetyDecision.Allow(output) : RefuseByRule(rule, $"switching on \"{output.Output}\"");
    }

    private static InterlockRule? MotionRule(IReadOnlyList<InterlockRule> active) =>
        active.FirstOrDefault(rule => rule.Forbid is ForbidMotion);

    private static IReadOnlyList<ForbiddenZone> ForbiddenZones(SafetyEnvelope envelope, IReadOnlyList<InterlockRule> active) =>
        active.Where(rule => rule.Forbid is ForbidEnteringZone)
            .Select(rule => new ForbiddenZone(rule, envelope.Zones[((ForbidEnteringZone)rule.Forbid).Zone]))
            .ToArray();

    private static SafetyDecision RefuseByRule(InterlockRule rule, string what)
    {
        var why = rule.Why is null ? string.Empty : $" ({rule.Why})";
        return SafetyDecision.Refuse(SafetyRules.Interlock(rule.Name), $"interlock \"{rule.Name}\" forbids {what} while {rule.While}{why}");
    }

    private static SafetyDecision RefuseForMode(SafetySnapshot state)
    {
        var rule = state.Causes.Count > 0
            ? state.Causes[0].Rule
            : state.Mode == SafetyMode.Fault ? SafetyRules.DeviceFault : SafetyRules.OperatorStop;
        var causes = state.Causes.Count > 0 ? string.Join("; ", state.Causes.Select(cause => cause.Description)) : "no cause recorded";
        var mode = state.Mode == SafetyMode.Fault ? "faulted" : "stopped";
        return SafetyDecision.Refuse(rule, $"the controller is {mode}: {causes}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
