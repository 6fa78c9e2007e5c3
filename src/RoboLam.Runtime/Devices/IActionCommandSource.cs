using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// How one device turns a PDDL action into actuator commands: for the arm, the robot file's motion bindings
/// (Hardware's MotionExpander); for a station, a single command. Command ids must derive from the action id
/// (<see cref="CommandId.ForStep"/>) so a repeated action can never repeat a step.
/// </summary>
public interface IActionCommandSource
{
    /// <exception cref="Exception">Any exception refuses the action with its message; nothing moves.</exception>
    IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world);
}
