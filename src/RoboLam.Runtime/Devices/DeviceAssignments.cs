using System.Globalization;
using System.Text.RegularExpressions;
using RoboLam.Runtime.Planning;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// Which device runs a PDDL action, and how long it may take. <paramref name="Device"/> is a device id, or a
/// pattern with argument numbers in braces (<c>"station-{2}"</c> runs <c>(drill p1 s3)</c> on <c>station-s3</c>).
/// </summary>
public sealed partial record DeviceAssignment(string Action, string Device, TimeSpan Deadline)
{
    /// <summary>The device for one ground action.</summary>
    public string DeviceFor(PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ArgumentPlaceholder().Replace(Device, match =>
        {
            var position = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return position >= 1 && position <= action.Arguments.Count
                ? action.Arguments[position - 1]
                : throw new ArgumentException(
                    $"device pattern \"{Device}\" of action \"{Action}\" names argument {position}, but {action} has {action.Arguments.Count}");
        });
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex ArgumentPlaceholder();
}

/// <summary>The binding table given at start-up: one assignment per action name.</summary>
public sealed class DeviceAssignments
{
    private readonly Dictionary<string, DeviceAssignment> _byAction;

    public DeviceAssignments(IEnumerable<DeviceAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        _byAction = new Dictionary<string, DeviceAssignment>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            if (!_byAction.TryAdd(assignment.Action.ToLowerInvariant(), assignment))
            {
                throw new ArgumentException($"action \"{assignment.Action}\" is assigned to a device twice");
            }
        }
    }

    public IReadOnlyCollection<DeviceAssignment> All => _byAction.Values;

    /// <summary>Every action is assigned to the same device with the same deadline (a one-device robot).</summary>
    public static DeviceAssignments AllTo(string device, TimeSpan deadline, IEnumerable<string> actions) =>
        new(actions.Select(action => new DeviceAssignment(action, device, deadline)));

    public DeviceAssignment For(PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return _byAction.TryGetValue(action.Name, out var assignment)
            ? assignment
            : throw new KeyNotFoundException($"no device is assigned to action \"{action.Name}\" ({action})");
    }

    /// <summary>Domain actions that no device runs; the controller refuses to start with any.</summary>
    public IEnumerable<string> Unassigned(IEnumerable<string> actions) =>
        actions.Where(action => !_byAction.ContainsKey(action));
}
