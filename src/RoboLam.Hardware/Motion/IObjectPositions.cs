using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Hardware.Motion;

/// <summary>
/// Where things are now: the world model (live) or the simulator answers. Kept to positions so the
/// hardware layer needs no PDDL and no world-model types.
/// </summary>
public interface IObjectPositions
{
    /// <summary>The object's top centre and its height, if the object is known.</summary>
    bool TryLocate(string name, out ObjectLocation location);

    /// <summary>True when something stands on the table within <paramref name="radius"/> of (x, y).</summary>
    bool IsOccupied(Length x, Length y, Length radius);
}

/// <summary>An object's top-centre point (z is the height of its top surface above the table) and its own height.</summary>
public sealed record ObjectLocation(Point3 Top, Length Height);
