using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;

namespace RoboLam.Hardware.Motion;

/// <summary>
/// One PDDL action as actuator commands, in order, with the primitive each came from and the joint angles
/// the arm ends at. Command ids are <c>actionId#step</c>, so re-sending an action cannot repeat a step.
/// </summary>
public sealed record ExpandedAction(string ActionId, string Action, IReadOnlyList<string> Arguments, IReadOnlyList<ExpandedStep> Steps, JointAngles FinalAngles)
{
    public IEnumerable<ActuatorCommand> Commands => Steps.Select(step => step.Command);
}

public sealed record ExpandedStep(PrimitiveStep Primitive, ActuatorCommand Command);
