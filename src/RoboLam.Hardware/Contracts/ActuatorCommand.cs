using RoboLam.Hardware.Kinematics;

namespace RoboLam.Hardware.Contracts;

/// <summary>
/// One thing an actuator is asked to do. Commands are immutable so a safety gate can inspect exactly what
/// will reach the device, and carry an id so devices can deduplicate retries.
/// </summary>
public abstract record ActuatorCommand(CommandId Id);

/// <summary>Move the arm's joints along a time-parametrised, sampled trajectory (every sample is checkable).</summary>
public sealed record FollowTrajectory(CommandId Id, JointTrajectory Trajectory) : ActuatorCommand(Id);

/// <summary>Open or close the gripper.</summary>
public sealed record OperateGripper(CommandId Id, GripperAction Action) : ActuatorCommand(Id);

/// <summary>Switch a named digital output (lamp, relay, valve) on or off; active means energised as wired.</summary>
public sealed record SetDigitalOutput(CommandId Id, string Output, bool Active) : ActuatorCommand(Id);

public enum GripperAction
{
    Open,
    Close,
}
