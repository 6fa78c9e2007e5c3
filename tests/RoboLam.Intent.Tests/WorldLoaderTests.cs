using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Tests;

public sealed class WorldLoaderTests
{
    [Theory]
    [InlineData("tabletop-1.json", "tabletop", 7)]
    [InlineData("tabletop-3.json", "tabletop", 6)]
    [InlineData("factory-1.json", "factory", 12)]
    public void The_shared_worlds_load_with_all_their_objects(string file, string domain, int objects)
    {
        var world = WorldLoader.Load(Path.Combine(TestData.SharedNl, "worlds", file));

        Assert.Equal(domain, world.DomainName);
        Assert.Equal(objects, world.Objects.Count);
    }

    [Fact]
    public void Names_are_lower_cased_as_in_PDDL_and_attributes_are_kept()
    {
        var world = WorldLoader.Load(Path.Combine(TestData.SharedNl, "worlds", "tabletop-1.json"));

        var bin = world.Find("binL");
        Assert.NotNull(bin);
        Assert.Equal(("binl", "black", "left", 0.05), (bin.Name, bin.Color, bin.Side, bin.X!.Value));
        Assert.True(world.Holds(Fact.Parse("(on g1 r2)")));
    }

    [Theory]
    [InlineData("""{"domain": "tabletop", "objects": [{"name": "a"}]}""", "objects[0]: 'type' is missing")]
    [InlineData("""{"domain": "tabletop", "objects": [{"name": "a", "type": "block", "weight": 3}]}""", "unknown attribute 'weight'")]
    [InlineData("""{"domain": "tabletop", "objects": [{"name": "a", "type": "block"}, {"name": "A", "type": "block"}]}""", "used twice")]
    [InlineData("""{"domain": "tabletop", "objects": [{"name": "a", "type": "block", "x": "left"}]}""", "'x' must be a number")]
    [InlineData("""{"domain": "tabletop", "objects": [], "init": ["(on a b)"]}""", "init[0]: (on a b) names 'a'")]
    [InlineData("""{"domain": "tabletop", "objects": [], "init": ["on a b"]}""", "init[0]: expected a ground fact")]
    [InlineData("""{"objects": []}""", "'domain' is missing")]
    [InlineData("""{"domain": "tabletop", "objects": [""", "not valid JSON")]
    public void A_bad_world_is_rejected_with_the_place_and_the_reason(string json, string expected)
    {
        var exception = Assert.Throws<WorldFileException>(() => WorldLoader.Parse(json, "w.json"));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("w.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_world_file_is_reported_as_unreadable()
    {
        var exception = Assert.Throws<WorldFileException>(() => WorldLoader.Load("/nonexistent/world.json"));

        Assert.True(exception.IsUnreadable);
        Assert.Contains("/nonexistent/world.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_rejects_a_world_whose_types_the_domain_lacks()
    {
        var world = WorldLoader.Parse("""{"domain": "tabletop", "objects": [{"name": "w", "type": "widget"}]}""");

        var exception = Assert.Throws<WorldFileException>(() => TestData.Session(world));

        Assert.Contains("'widget'", exception.Message, StringComparison.Ordinal);
    }
}
