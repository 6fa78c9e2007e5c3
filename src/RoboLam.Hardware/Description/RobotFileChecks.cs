using System.Globalization;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Hardware.Motion;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// The checks that need more than one part of the file: joints and channels, pins, reach of places and of
/// the workspace, bindings against the domain. Every problem is recorded; nothing stops at the first.
/// </summary>
internal sealed class RobotFileChecks(DiagnosticBag diagnostics)
{
    /// <summary>GPIO pins that carry I2C bus 1 on a Raspberry Pi (SDA, SCL): a switch there breaks the servo board.</summary>
    private static readonly Dictionary<int, string> s_i2cBus1Pins = new() { [2] = "SDA", [3] = "SCL" };

    private static readonly JointRole[] s_kinematicOrder = [JointRole.BaseYaw, JointRole.ShoulderPitch, JointRole.ElbowPitch, JointRole.WristPitch];

    public void Run(RobotDraft draft, IReadOnlyCollection<DomainActionSignature>? domainActions)
    {
        if (!draft.IsJson)
        {
            return;
        }

        CheckJoints(draft);
        CheckChannels(draft);
        CheckPinsAndNames(draft);
        CheckInputs(draft);
        CheckMotion(draft);
        CheckReach(draft);
        CheckBindings(draft, domainActions);
        new SafetySectionChecks(diagnostics).Run(draft);
    }

    private void CheckJoints(RobotDraft draft)
    {
        var roles = draft.Joints.Select(joint => joint.Value.Role).ToArray();
        if (roles.Length == draft.Joints.Count && !roles.SequenceEqual(s_kinematicOrder) && !diagnostics.HasErrorsUnder(draft.JointsPath))
        {
            diagnostics.Error(draft.JointsPath, "the arm needs exactly four joints in this order: base-yaw, shoulder-pitch, elbow-pitch, wrist-pitch; found " + (roles.Length == 0 ? "none" : string.Join(", ", roles)));
        }

        foreach (var duplicate in draft.Joints.GroupBy(joint => joint.Value.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(duplicate.Last().Path + ".name", $"joint name \"{duplicate.Key}\" is used by {string.Join(" and ", duplicate.Select(joint => joint.Path))}");
        }

        foreach (var (path, joint) in draft.Joints)
        {
            CheckServo(path, joint.Servo);
            if (joint.Minimum >= joint.Maximum)
            {
                diagnostics.Error(path + ".min", $"min {Format(joint.Minimum)} must be below max {Format(joint.Maximum)}");
            }

            if (!joint.Allows(joint.Home))
            {
                diagnostics.Error(path + ".home", $"home {Format(joint.Home)} is outside the joint's limits {Format(joint.Minimum)} to {Format(joint.Maximum)}");
            }

            if (joint.MaxSpeed.DegreesPerSecond <= 0)
            {
                diagnostics.Error(path + ".maxSpeed", "the speed limit must be above 0");
            }

            foreach (var (limit, name) in new[] { (joint.Minimum, "min"), (joint.Maximum, "max") })
            {
                var servoAngle = joint.Servo.ServoAngleFor(limit);
                if (servoAngle.Degrees < -1e-9 || servoAngle.Degrees > joint.Servo.Travel.Degrees + 1e-9)
                {
                    diagnostics.Error($"{path}.{name}", $"{name} {Format(limit)} needs servo angle {Format(servoAngle)}, outside the servo's travel 0° to {Format(joint.Servo.Travel)}; narrow the limit or change servo.zeroAt");
                }
            }
        }

        if (draft.Gripper is { } gripper)
        {
            CheckServo(gripper.Path, gripper.Value.Servo);
            foreach (var (angle, name) in new[] { (gripper.Value.OpenAngle, "open"), (gripper.Value.ClosedAngle, "closed") })
            {
                if (angle.Degrees < 0 || angle.Degrees > gripper.Value.Servo.Travel.Degrees)
                {
                    diagnostics.Error($"{gripper.Path}.{name}", $"servo angle {Format(angle)} is outside the servo's travel 0° to {Format(gripper.Value.Servo.Travel)}");
                }
            }
        }
    }

    private void CheckServo(string ownerPath, ServoCalibration servo)
    {
        var path = ownerPath + ".servo";
        if (servo.MinimumPulse >= servo.MaximumPulse)
        {
            diagnostics.Error(path + ".minPulse", $"minPulse {servo.MinimumPulse.Microseconds:0} µs must be below maxPulse {servo.MaximumPulse.Microseconds:0} µs");
        }

        if (servo.Travel.Degrees is <= 0 or > 360)
        {
            diagnostics.Error(path + ".travel", $"travel {Format(servo.Travel)} must be above 0° and at most 360°");
        }

        if (servo.Direction == 0)
        {
            diagnostics.Error(path + ".direction", "direction must be 1 or -1");
        }
    }

    private void CheckChannels(RobotDraft draft)
    {
        var users = draft.Joints.Select(joint => (Path: joint.Path + ".channel", joint.Value.Servo.Channel, Name: joint.Value.Name)).ToList();
        if (draft.Gripper is { } gripper)
        {
            users.Add((gripper.Path + ".channel", gripper.Value.Servo.Channel, "gripper"));
        }

        foreach (var group in users.GroupBy(user => user.Channel).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(other.Path, $"servo channel {group.Key} is already used by {first.Name} ({first.Path}); each servo needs its own PCA9685 channel");
            }
        }
    }

    private void CheckPinsAndNames(RobotDraft draft)
    {
        var pins = draft.Inputs.Select(input => (Path: input.Path + ".pin", input.Value.Pin, input.Value.Name))
            .Concat(draft.Outputs.Select(output => (Path: output.Path + ".pin", output.Value.Pin, output.Value.Name)))
            .ToArray();
        foreach (var group in pins.GroupBy(pin => pin.Pin).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(other.Path, $"GPIO pin {group.Key} is already used by \"{first.Name}\" ({first.Path}); wire \"{other.Name}\" to a free pin");
            }
        }

        if (draft.ServoBoard is { I2cBus: 1 })
        {
            foreach (var pin in pins.Where(pin => s_i2cBus1Pins.ContainsKey(pin.Pin)))
            {
                diagnostics.Error(pin.Path, $"GPIO pin {pin.Pin} is {s_i2cBus1Pins[pin.Pin]} of I2C bus 1, which the servo board uses; wire \"{pin.Name}\" elsewhere");
            }
        }

        var names = draft.Inputs.Select(input => (input.Path, input.Value.Name)).Concat(draft.Outputs.Select(output => (output.Path, output.Value.Name)));
        foreach (var group in names.GroupBy(item => item.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path + ".name", $"the name \"{group.Key}\" is used by {string.Join(" and ", group.Select(item => item.Path))}");
        }

        foreach (var group in draft.Places.GroupBy(place => place.Value.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path + ".name", $"place name \"{group.Key}\" is used by {string.Join(" and ", group.Select(place => place.Path))}");
        }
    }

    private void CheckInputs(RobotDraft draft)
    {
        if (draft.Inputs.Count > 0 && !draft.Inputs.Any(input => input.Value.Role == InputRole.EmergencyStop))
        {
            diagnostics.Error("$.inputs", "no input has role \"emergency-stop\"; an arm must have an e-stop input");
        }

        foreach (var (path, input) in draft.Inputs)
        {
            if (input.Role == InputRole.LimitSwitch && (input.Joint is null || !draft.Joints.Any(joint => string.Equals(joint.Value.Name, input.Joint, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Error(path + ".joint", $"limit switch \"{input.Name}\" must name the joint it limits (one of: {string.Join(", ", draft.Joints.Select(joint => joint.Value.Name))})");
            }

            if (input.Role == InputRole.PartPresent && (input.Place is null || !draft.Places.Any(place => string.Equals(place.Value.Name, input.Place, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Error(path + ".place", $"part-present sensor \"{input.Name}\" must name the place it watches (one of: {string.Join(", ", draft.Places.Select(place => place.Value.Name))})");
            }

            if (input.Debounce < Duration.Zero)
            {
                diagnostics.Error(path + ".debounce", "the debounce time cannot be negative");
            }
        }
    }

    private void CheckMotion(RobotDraft draft)
    {
        if (draft.Motion is not { } motion)
        {
            return;
        }

        if (motion.ApproachHeight <= Length.Zero)
        {
            diagnostics.Error(draft.MotionPath + ".approachHeight", "the approach height must be above 0");
        }

        if (motion.TravelHeight <= motion.ApproachHeight)
        {
            diagnostics.Error(draft.MotionPath + ".travelHeight", $"the travel height {Format(motion.TravelHeight)} must be above the approach height {Format(motion.ApproachHeight)}");
        }

        if (motion.SamplePeriod <= Duration.Zero)
        {
            diagnostics.Error(draft.MotionPath + ".samplePeriod", "the sample period must be above 0");
        }

        if (motion.PathStep <= Length.Zero)
        {
            diagnostics.Error(draft.MotionPath + ".pathStep", "the path step must be above 0");
        }

        if (motion.GraspDepth < Length.Zero)
        {
            diagnostics.Error(draft.MotionPath + ".graspDepth", "the grasp depth cannot be negative");
        }
    }

    private void CheckReach(RobotDraft draft)
    {
        if (draft.Base is null || draft.Links is null || draft.Gripper is null || draft.Motion is null
            || draft.Joints.Count != s_kinematicOrder.Length || !draft.Joints.Select(joint => joint.Value.Role).SequenceEqual(s_kinematicOrder))
        {
            return;
        }

        var kinematics = new ArmKinematics(new ArmDescription(draft.Base, draft.Links, draft.Joints.Select(joint => joint.Value).ToArray(), draft.Gripper.Value));
        var motion = draft.Motion;
        foreach (var (path, place) in draft.Places)
        {
            var heights = place.Kind == PlaceKind.Home
                ? new[] { place.Z }
                : new[] { place.Z, place.Z + motion.ApproachHeight, motion.TravelHeight };
            foreach (var height in heights.Distinct())
            {
                var point = new Point3(place.X, place.Y, height);
                if (!kinematics.TryInverse(point, out _, out var reason))
                {
                    diagnostics.Error(path, $"place \"{place.Name}\" is out of reach of the arm at {point}: {reason}; move the place or the arm base ($.arm.base)");
                    break;
                }
            }
        }

        if (draft.Workspace is { } workspace)
        {
            var area = workspace.Value;
            var xs = new[] { area.XMin, (area.XMin + area.XMax) / 2, area.XMax };
            var ys = new[] { area.YMin, (area.YMin + area.YMax) / 2, area.YMax };
            var unreachable = new List<string>();
            foreach (var x in xs)
            {
                foreach (var y in ys)
                {
                    foreach (var z in new[] { area.LowestReach, motion.TravelHeight })
                    {
                        var point = new Point3(x, y, z);
                        if (!kinematics.TryInverse(point, out _, out var reason))
                        {
                            unreachable.Add($"{point}: {reason}");
                        }
                    }
                }
            }

            if (unreachable.Count > 0)
            {
                diagnostics.Error(workspace.Path, $"the arm cannot reach all of its workspace ({unreachable.Count} of 18 check points); first: {unreachable[0]}; move the arm base ($.arm.base) or shrink the workspace");
            }
        }
    }

    private void CheckBindings(RobotDraft draft, IReadOnlyCollection<DomainActionSignature>? domainActions)
    {
        var placeNames = draft.Places.Select(place => place.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in draft.Bindings.GroupBy(binding => binding.Value.Action, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path, $"action \"{group.Key}\" is bound twice ({string.Join(" and ", group.Select(binding => binding.Path))})");
        }

        foreach (var (path, binding) in draft.Bindings)
        {
            if (domainActions is not null)
            {
                var match = domainActions.FirstOrDefault(action => string.Equals(action.Name, binding.Action, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    diagnostics.Error(path, $"the domain has no action \"{binding.Action}\"; its actions are: {string.Join(", ", domainActions.Select(action => $"{action.Name}/{action.Arity}"))}");
                }
                else if (match.Arity != binding.Arity)
                {
                    diagnostics.Error(path, $"action \"{binding.Action}\" takes {match.Arity} parameter(s) in the domain, the binding declares {binding.Arity}");
                }
            }

            for (var index = 0; index < binding.Steps.Count; index++)
            {
                foreach (var argument in binding.Steps[index].Arguments)
                {
                    var known = argument.StartsWith('?')
                        ? binding.Parameters.Contains(argument, StringComparer.OrdinalIgnoreCase)
                        : placeNames.Contains(argument) || string.Equals(argument, PrimitiveNames.FreeTableSlot, StringComparison.OrdinalIgnoreCase);
                    if (!known)
                    {
                        var hint = argument.StartsWith('?')
                            ? $"the action's parameters are: {(binding.Parameters.Count == 0 ? "none" : string.Join(", ", binding.Parameters))}"
                            : $"use a parameter, \"{PrimitiveNames.FreeTableSlot}\" or a place: {string.Join(", ", placeNames)}";
                        diagnostics.Error($"{path}[{index}]", $"\"{argument}\" is not known here; {hint}");
                    }
                }
            }

            if (binding.Steps.Any(step => step.Arguments.Any(argument => string.Equals(argument, PrimitiveNames.FreeTableSlot, StringComparison.OrdinalIgnoreCase)))
                && !draft.Places.Any(place => place.Value.Kind == PlaceKind.TableSlot))
            {
                diagnostics.Error(path, $"\"{PrimitiveNames.FreeTableSlot}\" needs at least one place of kind \"table-slot\" in $.places");
            }
        }

        if (domainActions is not null)
        {
            foreach (var action in domainActions.Where(action => !draft.Bindings.Any(binding => string.Equals(binding.Value.Action, action.Name, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Warning("$.bindings", $"the domain's action \"{action.Name}\" has no binding; plans using it cannot run on this robot");
            }
        }
    }

    private static string Format(Angle angle) => angle.Degrees.ToString("0.##", CultureInfo.InvariantCulture) + "°";

    private static string Format(Length length) => length.Meters.ToString("0.###", CultureInfo.InvariantCulture) + " m";
}
