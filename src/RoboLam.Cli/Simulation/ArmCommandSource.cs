using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Motion;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Turns a tabletop action into the arm's commands through the robot file's bindings, from where the driver last
/// put the joints and where the objects are seen now (a place out of reach refuses the action before anything moves).
/// </summary>
internal sealed class ArmCommandSource(MotionExpander expander, ServoArm arm, IObjectPositions positions) : IActionCommandSource
{
    /// <summary>Raised on the device's thread just before the action's first command: the moment it really starts.</summary>
    public event Action<string, PlannedAction>? Expanding;

    public IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world)
    {
        Expanding?.Invoke(actionId, action);
        return expander.Expand(actionId, action.Name, action.Arguments, arm.CommandedAngles, positions).Commands.ToArray();
    }
}

/// <summary>The lamps and beacon run no PDDL action; they are a device so the gate and the stop reach them too.</summary>
internal sealed class NoActions(string device) : IActionCommandSource
{
    public IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world) =>
        throw new InvalidOperationException($"device {device} runs no PDDL action, yet was asked to run {action}");
}
