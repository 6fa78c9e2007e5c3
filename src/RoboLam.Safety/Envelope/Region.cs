using RoboLam.Hardware.Description;

namespace RoboLam.Safety.Envelope;

/// <summary>An axis-aligned box in metres with the two tests the path check needs: point inside, segment touching.</summary>
internal sealed class Region
{
    private readonly double _xMin;
    private readonly double _xMax;
    private readonly double _yMin;
    private readonly double _yMax;
    private readonly double _zMin;
    private readonly double _zMax;

    public Region(string name, SpaceBox box)
    {
        Name = name;
        Box = box;
        _xMin = box.XMin.Meters;
        _xMax = box.XMax.Meters;
        _yMin = box.YMin.Meters;
        _yMax = box.YMax.Meters;
        _zMin = box.ZMin.Meters;
        _zMax = box.ZMax.Meters;
    }

    public string Name { get; }

    /// <summary>The box as checked (already grown by the clearance where that applies).</summary>
    public SpaceBox Box { get; }

    public bool Contains(Position point) =>
        point.X >= _xMin && point.X <= _xMax && point.Y >= _yMin && point.Y <= _yMax && point.Z >= _zMin && point.Z <= _zMax;

    /// <summary>Whether the straight segment from <paramref name="from"/> to <paramref name="to"/> has a point in the box (slab clipping).</summary>
    public bool Touches(Position from, Position to)
    {
        var enter = 0.0;
        var leave = 1.0;
        return Clip(from.X, to.X - from.X, _xMin, _xMax, ref enter, ref leave)
            && Clip(from.Y, to.Y - from.Y, _yMin, _yMax, ref enter, ref leave)
            && Clip(from.Z, to.Z - from.Z, _zMin, _zMax, ref enter, ref leave);
    }

    private static bool Clip(double start, double delta, double low, double high, ref double enter, ref double leave)
    {
        if (Math.Abs(delta) < 1e-15)
        {
            return start >= low && start <= high;
        }

        var first = (low - start) / delta;
        var second = (high - start) / delta;
        if (first > second)
        {
            (first, second) = (second, first);
        }

        enter = Math.Max(enter, first);
        leave = Math.Min(leave, second);
        return enter <= leave;
    }
}
