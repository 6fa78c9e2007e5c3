using RoboLam.Sim.Line;

namespace RoboLam.Sim.Tests;

/// <summary>The shared floor of a simulated line: parts loaded, moved and taken off.</summary>
public sealed class LineFloorTests
{
    [Fact]
    public void A_part_taken_off_the_line_is_no_longer_known()
    {
        var floor = LineFloor.FromFacts([("at", ["p1", "output"]), ("drilled", ["p1"])]);

        Assert.True(floor.Remove("p1"));

        Assert.Null(floor.StationOf("p1"));
        Assert.False(floor.IsDrilled("p1"));
        Assert.False(floor.Remove("p1"));
    }

    [Fact]
    public void A_part_loaded_again_after_removal_starts_afresh()
    {
        var floor = LineFloor.FromFacts([("at", ["p1", "output"]), ("painted", ["p1", "blue"])]);
        floor.Remove("p1");

        floor.Place("p1", "input");

        Assert.Equal("input", floor.StationOf("p1"));
        Assert.Null(floor.ColourOf("p1"));
    }
}
