using System.Globalization;
using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>A point in the world frame (x, y on the table, z up from the table surface).</summary>
public readonly record struct Point3(Length X, Length Y, Length Z)
{
    public static Point3 FromMeters(double x, double y, double z) =>
        new(Length.FromMeters(x), Length.FromMeters(y), Length.FromMeters(z));

    public double XMeters => X.Meters;

    public double YMeters => Y.Meters;

    public double ZMeters => Z.Meters;

    public Length DistanceTo(Point3 other)
    {
        var dx = other.X.Meters - X.Meters;
        var dy = other.Y.Meters - Y.Meters;
        var dz = other.Z.Meters - Z.Meters;
        return Length.FromMeters(Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz)));
    }

    public Point3 WithZ(Length z) => this with { Z = z };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({X.Meters:0.###} m, {Y.Meters:0.###} m, {Z.Meters:0.###} m)");
}
