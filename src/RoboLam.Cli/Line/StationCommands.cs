using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;
using UnitsNet;

namespace RoboLam.Cli.Line;

/// <summary>A line device runs a PDDL action as one operation of the same name on the same arguments.</summary>
internal sealed class StationCommands(TimeSpan limit) : IActionCommandSource
{
    public IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world) =>
        [new DeviceOperation(CommandId.ForStep(actionId, 0), action.Name, action.Arguments, Duration.FromSeconds(limit.TotalSeconds))];
}
