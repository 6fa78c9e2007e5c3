using UnitsNet;

namespace RoboLam.Hardware.Contracts;

/// <summary>
/// Ask a line device (conveyor, station, camera, transfer robot) to run one named operation, e.g. <c>drill</c>
/// on <c>["p1", "drill"]</c>. <paramref name="Limit"/> is the longest the device may take; the safety gate faults
/// the cell when a command runs past it (plus the slack), so it is the device's rated worst case, not its usual time.
/// </summary>
public sealed record DeviceOperation(CommandId Id, string Operation, IReadOnlyList<string> Arguments, Duration Limit) : ActuatorCommand(Id)
{
    public override string ToString() => $"{Operation}({string.Join(", ", Arguments)}) [{Id}]";
}
