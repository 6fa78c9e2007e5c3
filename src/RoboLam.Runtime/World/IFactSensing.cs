using RoboLam.Hardware.Contracts;

namespace RoboLam.Runtime.World;

/// <summary>
/// How readings become facts: the robot file's sensing section, as an interface so that Runtime needs no robot
/// file format. Facts it can observe are checked after each action rather than assumed.
/// </summary>
public interface IFactSensing
{
    /// <summary>The facts a reading settles, each with its sensed value (an empty list when the reading says nothing symbolic).</summary>
    IReadOnlyList<SensedFact> Interpret(string deviceId, SensorReading reading, WorldState world);

    /// <summary>True when some sensor reports this fact, so an action's effect on it must be seen, not assumed.</summary>
    bool IsObservable(GroundFact fact);
}
