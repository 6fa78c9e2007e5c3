using System.Globalization;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// Cross-checks of the safety section against the rest of the file: boxes that are boxes, rules that name
/// zones and outputs that exist, e-stop channels that are e-stop inputs, watchdogs slower than the
/// heartbeat, and places and the home pose that the envelope does not forbid.
/// </summary>
internal sealed class SafetySectionChecks(DiagnosticBag diagnostics)
{
    private static readonly Length s_smallestClearance = Length.FromMeters(0.001);

    public void Run(RobotDraft draft)
    {
        var safety = draft.Safety;
        if (safety is null)
        {
            return;
        }

        CheckBoxes(safety);
        CheckClearance(safety);
        CheckGripper(safety, draft);
        CheckInterlocks(safety, draft);
        CheckEmergencyStops(safety, draft);
        CheckWatchdogs(safety, draft);
        CheckScalars(safety);
        CheckPlaces(safety, draft);
    }

    private void CheckBoxes(SafetyDraft safety)
    {
        var boxes = new List<(string Path, SpaceBox Box)>();
        if (safety.Bounds is { } bounds)
        {
            boxes.Add((bounds.Path, bounds.Value));
        }

        boxes.AddRange(safety.KeepOut.Concat(safety.Zones).Select(named => (named.Path, named.Value.Box)));
        foreach (var (path, box) in boxes)
        {
            foreach (var (axis, low, high) in new[] { ("x", box.XMin, box.XMax), ("y", box.YMin, box.YMax), ("z", box.ZMin, box.ZMax) })
            {
                if (low >= high)
                {
                    diagnostics.Error($"{path}.{axis}Min", $"{axis}Min {Format(low)} must be below {axis}Max {Format(high)}");
                }
            }
        }

        var named = safety.KeepOut.Concat(safety.Zones);
        foreach (var group in named.GroupBy(box => box.Value.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path + ".name", $"the box name \"{group.Key}\" is used by {string.Join(" and ", group.Select(box => box.Path))}; keep-out boxes and zones need distinct names");
        }
    }

    private void CheckClearance(SafetyDraft safety)
    {
        if (safety.Clearance is { } clearance && clearance < s_smallestClearance)
        {
            diagnostics.Error(safety.Path + ".clearance", $"clearance {Format(clearance)} is below {Format(s_smallestClearance)}; paths are checked in steps of the clearance, so it must be positive");
        }
    }

    private void CheckGripper(SafetyDraft safety, RobotDraft draft)
    {
        if (safety.Gripper is not { } limits)
        {
            return;
        }

        if (limits.Value.MinimumAngle >= limits.Value.MaximumAngle)
        {
            diagnostics.Error(limits.Path + ".minAngle", "minAngle must be below maxAngle");
            return;
        }

        if (draft.Gripper is { } gripper)
        {
            foreach (var (angle, name) in new[] { (gripper.Value.OpenAngle, "open"), (gripper.Value.ClosedAngle, "closed") })
            {
                if (!limits.Value.Allows(angle))
                {
                    diagnostics.Error($"{gripper.Path}.{name}", $"the gripper's {name} angle {Format(angle)} is outside the safety limits {Format(limits.Value.MinimumAngle)} to {Format(limits.Value.MaximumAngle)} ({limits.Path})");
                }
            }
        }
    }

    private void CheckInterlocks(SafetyDraft safety, RobotDraft draft)
    {
        foreach (var group in safety.Interlocks.GroupBy(rule => rule.Value.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path + ".name", $"the interlock name \"{group.Key}\" is used by {string.Join(" and ", group.Select(rule => rule.Path))}");
        }

        var zones = safety.Zones.Select(zone => zone.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keepOut = safety.KeepOut.Select(box => box.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outputs = draft.Outputs.Select(output => output.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, rule) in safety.Interlocks)
        {
            switch (rule.Forbid)
            {
                case ForbidEnteringZone { Zone: var zone } when !zones.Contains(zone):
                    var hint = keepOut.Contains(zone)
                        ? $"\"{zone}\" is a keep-out box, which is always forbidden; rules name boxes from \"zones\""
                        : $"the zones are: {(zones.Count == 0 ? "none (add them under \"zones\")" : string.Join(", ", zones))}";
                    diagnostics.Error(path + ".forbid", $"rule \"{rule.Name}\" names zone \"{zone}\", which is not defined; {hint}");
                    break;
                case ForbidOutput { Output: var output } when !outputs.Contains(output):
                    diagnostics.Error(path + ".forbid", $"rule \"{rule.Name}\" names output \"{output}\", which is not in $.outputs ({string.Join(", ", outputs)})");
                    break;
            }
        }
    }

    private void CheckEmergencyStops(SafetyDraft safety, RobotDraft draft)
    {
        if (safety.EmergencyStops is not { } devices)
        {
            return;
        }

        var stopInputs = draft.Inputs.Where(input => input.Value.Role == InputRole.EmergencyStop).Select(input => input.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, device) in devices)
        {
            if (device.Channels.Count is < 1 or > 2)
            {
                diagnostics.Error(path + ".channels", $"e-stop \"{device.Name}\" has {device.Channels.Count} channels; an e-stop has one channel or two that must agree");
            }

            if (device.DiscrepancyTime <= Duration.Zero)
            {
                diagnostics.Error(path + ".discrepancyTime", "the discrepancy time must be above 0");
            }

            for (var index = 0; index < device.Channels.Count; index++)
            {
                var channel = device.Channels[index];
                if (!stopInputs.Contains(channel))
                {
                    diagnostics.Error($"{path}.channels[{index}]", $"\"{channel}\" is not an input with role \"emergency-stop\"; those are: {(stopInputs.Count == 0 ? "none" : string.Join(", ", stopInputs))}");
                }
                else if (!claimed.TryAdd(channel, path))
                {
                    diagnostics.Error($"{path}.channels[{index}]", $"input \"{channel}\" is already a channel of the e-stop at {claimed[channel]}");
                }
            }
        }

        foreach (var unclaimed in stopInputs.Where(input => !claimed.ContainsKey(input)))
        {
            diagnostics.Error(safety.Path + ".emergencyStops", $"input \"{unclaimed}\" has role \"emergency-stop\" but no e-stop lists it as a channel; every e-stop input must stop the robot");
        }

        foreach (var group in devices.GroupBy(device => device.Value.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            diagnostics.Error(group.Last().Path + ".name", $"the e-stop name \"{group.Key}\" is used twice");
        }
    }

    private void CheckWatchdogs(SafetyDraft safety, RobotDraft draft)
    {
        if (safety.DeviceTimeout is { } device && draft.HeartbeatPeriod is { } period && device <= period)
        {
            diagnostics.Error(safety.WatchdogsPath + ".device", $"the device timeout {FormatMs(device)} must be longer than the heartbeat period {FormatMs(period)} ($.heartbeatPeriod), or it trips between two beats");
        }

        if (safety.ControlLoopTimeout is { } loop && loop <= Duration.Zero)
        {
            diagnostics.Error(safety.WatchdogsPath + ".controlLoop", "the control-loop timeout must be above 0");
        }
    }

    private void CheckScalars(SafetyDraft safety)
    {
        if (safety.ReducedSpeedScale is { } scale && !(scale > 0 && scale < 1))
        {
            diagnostics.Error(safety.Path + ".reducedSpeedScale", string.Create(CultureInfo.InvariantCulture, $"{scale} must be above 0 and below 1: reduced speed is a fraction of each joint's speed limit"));
        }

        if (safety.MotionDeadlineSlack is { } slack && slack <= Duration.Zero)
        {
            diagnostics.Error(safety.Path + ".motionDeadlineSlack", "the motion deadline slack must be above 0");
        }
    }

    /// <summary>A place the arm must serve, or its home, that the envelope forbids would make every plan fail at the gate.</summary>
    private void CheckPlaces(SafetyDraft safety, RobotDraft draft)
    {
        var clearance = safety.Clearance ?? SafetyDescription.DefaultClearance;
        var points = draft.Places.Select(place => (place.Path, place.Value.Name, Point: new Point3(place.Value.X, place.Value.Y, place.Value.Z))).ToList();
        foreach (var (path, name, point) in points)
        {
            if (diagnostics.HasErrorsUnder(path))
            {
                continue; // already reported (e.g. out of reach); one error per place is enough
            }

            if (safety.Bounds is { } bounds && !bounds.Value.Contains(point))
            {
                diagnostics.Error(path, $"place \"{name}\" at {point} is outside the safety bounds ({bounds.Value}, {bounds.Path})");
            }

            foreach (var (boxPath, box) in safety.KeepOut)
            {
                if (box.Box.Inflate(clearance).Contains(point))
                {
                    diagnostics.Error(path, $"place \"{name}\" at {point} is inside keep-out box \"{box.Name}\" ({boxPath}) or within its clearance");
                }
            }
        }
    }

    private static string Format(Length length) => length.Meters.ToString("0.###", CultureInfo.InvariantCulture) + " m";

    private static string Format(Angle angle) => angle.Degrees.ToString("0.##", CultureInfo.InvariantCulture) + "°";

    private static string FormatMs(Duration duration) => duration.Milliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
