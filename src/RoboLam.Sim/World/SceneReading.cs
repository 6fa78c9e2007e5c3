using RoboLam.Hardware.Contracts;

namespace RoboLam.Sim.World;

/// <summary>
/// What an overhead camera sees: where every block rests, as PDDL facts (<c>(on-table r1)</c>, <c>(on g1 r2)</c>,
/// <c>(in y1 binL)</c>, <c>(clear r1)</c>). A block in the gripper rests nowhere, so it has no fact here.
/// </summary>
public sealed record SceneReading(string Sensor, DateTimeOffset Timestamp, IReadOnlyList<string> Blocks, IReadOnlyList<string> Facts)
    : SensorReading(Sensor, Timestamp);
