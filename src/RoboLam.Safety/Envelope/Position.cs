using System.Globalization;

namespace RoboLam.Safety.Envelope;

/// <summary>A point in the world frame in metres, as plain doubles: the path check computes many of them.</summary>
internal readonly record struct Position(double X, double Y, double Z)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X:0.###} m, {Y:0.###} m, {Z:0.###} m)");
}
