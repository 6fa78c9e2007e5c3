using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>Where the joints should be at <paramref name="Time"/> after the start of a trajectory.</summary>
public sealed record TrajectorySample(Duration Time, JointAngles Angles);
