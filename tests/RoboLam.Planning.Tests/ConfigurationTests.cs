using RoboLam.Planning.Configuration;

namespace RoboLam.Planning.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Nested_terms_and_options_parse_into_a_tree()
    {
        var expression = ConfigurationParser.Parse(" lazy-gbfs( ff(cost=one) , lmcount, boost = 500 ) ");
        Assert.Equal("lazy-gbfs", expression.Name);
        Assert.Equal(3, expression.Arguments.Count);
        Assert.Equal("ff", expression.Arguments[0].Value.Name);
        Assert.Equal("cost", expression.Arguments[0].Value.Arguments[0].Key);
        Assert.Equal("one", expression.Arguments[0].Value.Arguments[0].Value.Name);
        Assert.Equal("boost", expression.Arguments[2].Key);
        Assert.Equal("500", expression.Arguments[2].Value.Name);
        Assert.Equal("lazy-gbfs(ff(cost=one), lmcount, boost=500)", expression.ToString());
    }

    [Theory]
    [InlineData("lama")]
    [InlineData("anytime")]
    [InlineData("bfs()")]
    [InlineData("astar(lmcut)")]
    [InlineData("wastar(ff, w=3)")]
    [InlineData("lazy-gbfs(ff, lmcount)")]
    [InlineData("eager-gbfs(hadd, goalcount, preferred=false)")]
    [InlineData("lazy-wastar(ff(cost=plusone), lmcount(cost=one), w=5)")]
    [InlineData("astar(hmax(cost=one))")]
    public void Valid_configurations_are_accepted(string configuration)
    {
        Planner.ValidateConfiguration(configuration);
    }

    [Theory]
    [InlineData("lazy-gbf(ff)", "unknown search 'lazy-gbf'")]
    [InlineData("astar(lmcutt)", "unknown heuristic 'lmcutt'")]
    [InlineData("ff", "'ff' is a heuristic")]
    [InlineData("astar(lazy-gbfs(ff))", "'lazy-gbfs' is a search, not a heuristic")]
    [InlineData("astar(ff, lmcut)", "at most 1 heuristic")]
    [InlineData("lazy-gbfs()", "at least one heuristic")]
    [InlineData("wastar(ff, w=0)", "option w must be a whole number of at least 1")]
    [InlineData("wastar(ff, weight=3)", "has no option 'weight'")]
    [InlineData("astar(ff(cost=two))", "option cost must be one of task, one, plusone")]
    [InlineData("lazy-gbfs(ff, preferred=maybe)", "must be true or false")]
    [InlineData("lazy-gbfs(ff", "missing ')'")]
    [InlineData("lazy-gbfs(ff))", "column 14: unexpected ')'")]
    [InlineData("astar(,)", "expected a name or a number but found ','")]
    [InlineData("bfs(ff)", "'bfs' takes no arguments")]
    [InlineData("lazy-gbfs(ff, boost=1, boost=2)", "option 'boost' is given twice")]
    public void Invalid_configurations_fail_with_a_message_that_says_why(string configuration, string expectedFragment)
    {
        var exception = Assert.Throws<ConfigurationException>(() => Planner.ValidateConfiguration(configuration));
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_lists_every_search_and_heuristic_with_a_description()
    {
        var names = Planner.Components.Select(component => component.Name).ToHashSet();
        foreach (var name in new[] { "lama", "anytime", "lazy-gbfs", "eager-gbfs", "astar", "wastar", "bfs", "goalcount", "hadd", "hmax", "ff", "lmcut", "lmcount" })
        {
            Assert.Contains(name, names);
        }

        Assert.All(Planner.Components, component => Assert.False(string.IsNullOrWhiteSpace(component.Description)));
    }
}
