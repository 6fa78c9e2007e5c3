namespace RoboLam.Cli.Simulation;

/// <summary>Takes snapshots of the true arm and table (not what the controller believes) into the trace.</summary>
internal sealed class CellSketch(SimulatedArmCell cell)
{
    public void Take(string label)
    {
        var arm = cell.Rig.Arm;
        var world = cell.Rig.World;

        // Locating a block brings a held one to where the fingers have carried it.
        var blocks = world.Blocks
            .Select(block => world.TryLocate(block.Name, out var seen)
                ? new BlockPose(block.Name, block.Colour, block.SideMeters, seen.Top.XMeters, seen.Top.YMeters, seen.Top.ZMeters - block.SideMeters, block.Support)
                : new BlockPose(block.Name, block.Colour, block.SideMeters, block.Bottom.XMeters, block.Bottom.YMeters, block.Bottom.ZMeters, block.Support))
            .OrderBy(block => block.Name, StringComparer.Ordinal)
            .ToArray();
        var joints = arm.Angles.ToDegrees().Select(value => Math.Round(value, 2)).ToArray();
        cell.Trace.Add(new CellSnapshot(cell.Rig.Clock.Elapsed, label, joints, Math.Round(arm.GripperAngle.Degrees, 1), blocks));
    }
}
