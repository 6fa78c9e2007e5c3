using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Sim.World;

/// <summary>A cube on the table, in a bin, on another block, or in the gripper.</summary>
public sealed class Block(string name, string colour, string size, double sideMeters)
{
    public string Name { get; } = name;

    public string Colour { get; } = colour;

    /// <summary>The world file's size word ("small", "large").</summary>
    public string Size { get; } = size;

    public double SideMeters { get; } = sideMeters;

    /// <summary>Centre of the bottom face.</summary>
    public Point3 Bottom { get; internal set; }

    /// <summary>What it rests on: a block, a bin, <see cref="Table"/>, or <see cref="Gripper"/>.</summary>
    public string Support { get; internal set; } = Table;

    public Point3 Top => Bottom.WithZ(Bottom.Z + Length.FromMeters(SideMeters));

    public const string Table = "table";

    public const string Gripper = "gripper";
}

/// <summary>A bin: a square box with a rim; blocks dropped over it land inside.</summary>
public sealed class Bin(string name, string colour, Point3 centre, double sideMeters, double rimMeters)
{
    public string Name { get; } = name;

    public string Colour { get; } = colour;

    public Point3 Centre { get; } = centre;

    public double SideMeters { get; } = sideMeters;

    public double RimMeters { get; } = rimMeters;

    public bool Contains(double x, double y) =>
        Math.Abs(x - Centre.XMeters) <= SideMeters / 2 && Math.Abs(y - Centre.YMeters) <= SideMeters / 2;
}
