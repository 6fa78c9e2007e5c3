using System.Collections;
using System.Globalization;
using UnitsNet;

namespace RoboLam.Hardware.Kinematics;

/// <summary>
/// One angle per arm joint, in the robot file's joint order (base, shoulder, elbow, wrist for the 4-joint arm).
/// Immutable, with value equality so commands and readings compare as values.
/// </summary>
public sealed class JointAngles : IReadOnlyList<Angle>, IEquatable<JointAngles>
{
    private readonly double[] _degrees;

    public JointAngles(IEnumerable<Angle> angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        _degrees = angles.Select(angle => angle.Degrees).ToArray();
    }

    private JointAngles(double[] degrees) => _degrees = degrees;

    public static JointAngles FromDegrees(params double[] degrees) => new((double[])degrees.Clone());

    public int Count => _degrees.Length;

    public Angle this[int index] => Angle.FromDegrees(_degrees[index]);

    /// <summary>The angle of joint <paramref name="index"/> in degrees, without allocating a quantity.</summary>
    public double DegreesAt(int index) => _degrees[index];

    public double[] ToDegrees() => (double[])_degrees.Clone();

    /// <summary>Linear interpolation: <paramref name="fraction"/> 0 gives this, 1 gives <paramref name="other"/>.</summary>
    public JointAngles Lerp(JointAngles other, double fraction)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameCount(other);
        var result = new double[_degrees.Length];
        for (var joint = 0; joint < result.Length; joint++)
        {
            result[joint] = _degrees[joint] + ((other._degrees[joint] - _degrees[joint]) * fraction);
        }

        return new JointAngles(result);
    }

    /// <summary>The largest absolute difference to <paramref name="other"/> over all joints.</summary>
    public Angle MaxDifference(JointAngles other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameCount(other);
        var largest = 0.0;
        for (var joint = 0; joint < _degrees.Length; joint++)
        {
            largest = Math.Max(largest, Math.Abs(other._degrees[joint] - _degrees[joint]));
        }

        return Angle.FromDegrees(largest);
    }

    public IEnumerator<Angle> GetEnumerator() => _degrees.Select(degrees => Angle.FromDegrees(degrees)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(JointAngles? other) => other is not null && _degrees.AsSpan().SequenceEqual(other._degrees);

    public override bool Equals(object? obj) => Equals(obj as JointAngles);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var degrees in _degrees)
        {
            hash.Add(degrees);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        "[" + string.Join(", ", _degrees.Select(degrees => degrees.ToString("0.##", CultureInfo.InvariantCulture) + "°")) + "]";

    private void RequireSameCount(JointAngles other)
    {
        if (other.Count != Count)
        {
            throw new ArgumentException($"Joint counts differ: {Count} and {other.Count}.", nameof(other));
        }
    }
}
