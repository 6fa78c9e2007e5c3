using System.Text.Json;
using RoboLam.Hardware.Contracts;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// Reads the optional "safety" object of a robot file into a <see cref="SafetyDraft"/>. Like the rest of the
/// reader it records every problem with its JSON path and refuses unknown keys.
/// </summary>
internal sealed class SafetySectionReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<string, StopCategory> s_categories = new(StringComparer.Ordinal)
    {
        ["0"] = StopCategory.Uncontrolled,
        ["1"] = StopCategory.Controlled,
    };

    public SafetyDraft Read(JsonFields safety)
    {
        var draft = new SafetyDraft(safety.Path);
        if (safety.Object("bounds", required: false) is { } bounds)
        {
            draft.Bounds = ReadBox(bounds) is { } box ? new Located<SpaceBox>(bounds.Path, box) : null;
        }

        draft.Clearance = safety.Length("clearance", required: false);
        ReadNamedBoxes(safety, "keepOut", draft.KeepOut);
        ReadNamedBoxes(safety, "zones", draft.Zones);
        if (safety.Object("gripper", required: false) is { } gripper)
        {
            var minimum = gripper.Angle("minAngle");
            var maximum = gripper.Angle("maxAngle");
            gripper.RejectUnknown();
            if (minimum is { } low && maximum is { } high)
            {
                draft.Gripper = new Located<GripperLimits>(gripper.Path, new GripperLimits(low, high));
            }
        }

        foreach (var (path, element) in safety.Array("interlocks", required: false))
        {
            ReadInterlock(path, element, draft);
        }

        foreach (var (path, element) in safety.Array("planInvariants", required: false))
        {
            ReadPlanInvariant(path, element, draft.PlanInvariants);
        }

        if (safety.Has("emergencyStops"))
        {
            draft.EmergencyStops = [];
            foreach (var (path, element) in safety.Array("emergencyStops"))
            {
                ReadEmergencyStop(path, element, draft.EmergencyStops);
            }
        }

        if (safety.Object("watchdogs", required: false) is { } watchdogs)
        {
            draft.WatchdogsPath = watchdogs.Path;
            draft.DeviceTimeout = watchdogs.Duration("device", required: false);
            draft.ControlLoopTimeout = watchdogs.Duration("controlLoop", required: false);
            if (watchdogs.Element("stopCategory", required: false) is { } category)
            {
                draft.WatchdogStopCategory = ReadCategory(watchdogs, category);
            }

            watchdogs.RejectUnknown();
        }

        if (safety.Element("reducedSpeedScale", required: false) is { } scale)
        {
            if (scale.ValueKind == JsonValueKind.Number && scale.TryGetDouble(out var value))
            {
                draft.ReducedSpeedScale = value;
            }
            else
            {
                safety.Error("reducedSpeedScale", $"expected a number above 0 and below 1, e.g. 0.25, found {JsonFields.Describe(scale)}");
            }
        }

        draft.MotionDeadlineSlack = safety.Duration("motionDeadlineSlack", required: false);
        safety.RejectUnknown();
        return draft;
    }

    private static StopCategory? ReadCategory(JsonFields owner, JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.Number ? element.GetRawText() : null;
        if (text is not null && s_categories.TryGetValue(text, out var category))
        {
            return category;
        }

        owner.Error("stopCategory", $"expected 0 (cut the outputs) or 1 (controlled stop, then cut), found {JsonFields.Describe(element)}");
        return null;
    }

    private void ReadNamedBoxes(JsonFields safety, string property, List<Located<NamedBox>> into)
    {
        foreach (var (path, element) in safety.Array(property, required: false))
        {
            if (JsonFields.Of(element, path, diagnostics) is not { } fields)
            {
                continue;
            }

            var name = fields.String("name");
            var box = ReadBox(fields, "name");
            if (name is not null && box is not null)
            {
                into.Add(new Located<NamedBox>(path, new NamedBox(name, box)));
            }
        }
    }

    private static SpaceBox? ReadBox(JsonFields fields, params string[] alsoAllowed)
    {
        var xMin = fields.Length("xMin");
        var xMax = fields.Length("xMax");
        var yMin = fields.Length("yMin");
        var yMax = fields.Length("yMax");
        var zMin = fields.Length("zMin");
        var zMax = fields.Length("zMax");
        fields.RejectUnknown(alsoAllowed);
        return xMin is { } x0 && xMax is { } x1 && yMin is { } y0 && yMax is { } y1 && zMin is { } z0 && zMax is { } z1
            ? new SpaceBox(x0, x1, y0, y1, z0, z1)
            : null;
    }

    private void ReadInterlock(string path, JsonElement element, SafetyDraft draft)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } rule)
        {
            return;
        }

        var name = rule.String("name");
        var forbid = rule.String("forbid");
        var condition = rule.String("while");
        var why = rule.String("why", required: false);
        rule.RejectUnknown();
        var target = forbid is null ? null : ReadTarget(rule, forbid);
        FactCondition? parsed = null;
        if (condition is not null)
        {
            if (FactCondition.TryParse(condition, out var result, out var error))
            {
                parsed = result;
            }
            else
            {
                rule.Error("while", error);
            }
        }

        if (name is not null && target is not null && parsed is not null)
        {
            draft.Interlocks.Add(new Located<InterlockRule>(path, new InterlockRule(name, target, parsed, why)));
        }
    }

    private void ReadPlanInvariant(string path, JsonElement element, List<PlanInvariant> into)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } rule)
        {
            return;
        }

        var name = rule.String("name");
        var always = rule.String("always");
        var why = rule.String("why", required: false);
        rule.RejectUnknown();
        if (always is not null && !(always.TrimStart().StartsWith('(') && always.TrimEnd().EndsWith(')')))
        {
            rule.Error("always", $"expected a PDDL condition in parentheses, e.g. \"(not (holding b1))\", found \"{always}\"");
            return;
        }

        if (name is not null && always is not null)
        {
            into.Add(new PlanInvariant(name, always, why, path + ".always"));
        }
    }

    private static InterlockTarget? ReadTarget(JsonFields rule, string forbid)
    {
        var words = forbid.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        InterlockTarget? target = words switch
        {
            ["motion"] => new ForbidMotion(),
            ["enter", var zone] => new ForbidEnteringZone(zone),
            ["output", var output] => new ForbidOutput(output),
            _ => null,
        };
        if (target is null)
        {
            rule.Error("forbid", $"\"{forbid}\" is not something a rule can forbid; write {InterlockTarget.Forms}");
        }

        return target;
    }

    private void ReadEmergencyStop(string path, JsonElement element, List<Located<EmergencyStopDevice>> into)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } device)
        {
            return;
        }

        var name = device.String("name");
        var channels = new List<string>();
        foreach (var (channelPath, channel) in device.Array("channels"))
        {
            if (channel.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(channel.GetString()))
            {
                channels.Add(channel.GetString()!);
            }
            else
            {
                diagnostics.Error(channelPath, $"expected the name of an input with role \"emergency-stop\", found {JsonFields.Describe(channel)}");
            }
        }

        var discrepancy = device.Duration("discrepancyTime", required: false) ?? SafetyDescription.DefaultDiscrepancyTime;
        device.RejectUnknown();
        if (name is not null)
        {
            into.Add(new Located<EmergencyStopDevice>(path, new EmergencyStopDevice(name, channels, discrepancy)));
        }
    }
}

/// <summary>What could be read from the safety section, with paths; missing parts take their defaults.</summary>
internal sealed class SafetyDraft(string path)
{
    public string Path { get; } = path;

    public Located<SpaceBox>? Bounds { get; set; }

    public Length? Clearance { get; set; }

    public List<Located<NamedBox>> KeepOut { get; } = [];

    public List<Located<NamedBox>> Zones { get; } = [];

    public Located<GripperLimits>? Gripper { get; set; }

    public List<Located<InterlockRule>> Interlocks { get; } = [];

    public List<PlanInvariant> PlanInvariants { get; } = [];

    /// <summary>Null when the file does not list e-stop devices: then each e-stop input is its own.</summary>
    public List<Located<EmergencyStopDevice>>? EmergencyStops { get; set; }

    public string WatchdogsPath { get; set; } = path + ".watchdogs";

    public Duration? DeviceTimeout { get; set; }

    public Duration? ControlLoopTimeout { get; set; }

    public StopCategory? WatchdogStopCategory { get; set; }

    public double? ReducedSpeedScale { get; set; }

    public Duration? MotionDeadlineSlack { get; set; }

    /// <summary>The description, with defaults from the rest of the robot file for what the section leaves out.</summary>
    public SafetyDescription Build(IEnumerable<DigitalInputDescription> inputs, Duration heartbeatPeriod, StopCategory stopCategory)
    {
        var defaults = SafetyDescription.DefaultsFor(inputs, heartbeatPeriod, stopCategory);
        return new SafetyDescription(
            Bounds?.Value,
            KeepOut.Select(box => box.Value).ToArray(),
            Zones.Select(box => box.Value).ToArray(),
            Clearance ?? defaults.Clearance,
            Gripper?.Value,
            Interlocks.Select(rule => rule.Value).ToArray(),
            EmergencyStops?.Select(device => device.Value).ToArray() ?? defaults.EmergencyStops,
            new WatchdogSettings(
                DeviceTimeout ?? defaults.Watchdogs.DeviceTimeout,
                ControlLoopTimeout ?? defaults.Watchdogs.ControlLoopTimeout,
                WatchdogStopCategory ?? defaults.Watchdogs.StopCategory),
            ReducedSpeedScale ?? defaults.ReducedSpeedScale,
            MotionDeadlineSlack ?? defaults.MotionDeadlineSlack)
        {
            PlanInvariants = PlanInvariants.ToArray(),
        };
    }
}
