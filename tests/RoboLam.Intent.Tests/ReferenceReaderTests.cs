using RoboLam.Intent.Grounding;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Text;

namespace RoboLam.Intent.Tests;

public sealed class ReferenceReaderTests
{
    private static readonly ReferenceReader s_tabletop = new(Lexicon.ForDomain("tabletop"), ["tray", "r1"]);
    private static readonly ReferenceReader s_factory = new(Lexicon.ForDomain("factory"), ["paint", "output", "p3"]);

    private static Reference Read(string text, ReferenceReader? reader = null) => (reader ?? s_tabletop).Read(WordSplitter.Split(text));

    [Fact]
    public void Colours_sizes_and_nouns_are_read_through_their_synonyms()
    {
        var reference = Read("the tiny crimson cube");

        Assert.Equal(("block", "red", "small", Quantity.Definite), (reference.Type, reference.Color, reference.Size, reference.Quantity));
    }

    [Theory]
    [InlineData("all red blocks", Quantity.Universal)]
    [InlineData("every block", Quantity.Universal)]
    [InlineData("everything", Quantity.Universal)]
    [InlineData("the blocks", Quantity.Universal)]
    [InlineData("both green blocks", Quantity.Dual)]
    [InlineData("a red block", Quantity.Indefinite)]
    [InlineData("it", Quantity.Pronoun)]
    [InlineData("that one", Quantity.Pronoun)]
    [InlineData("them", Quantity.PluralPronoun)]
    public void Quantifiers_and_pronouns_set_how_many_things_are_meant(string text, Quantity expected) =>
        Assert.Equal(expected, Read(text).Quantity);

    [Fact]
    public void A_relation_to_another_phrase_is_read_as_a_nested_reference()
    {
        var reference = Read("the block that is sitting on the large red one");

        Assert.Equal(RelationKind.On, reference.Relation);
        Assert.Equal(("red", "large", true), (reference.RelationTarget!.Color, reference.RelationTarget.Size, reference.RelationTarget.IsAnaphoric));
    }

    [Theory]
    [InlineData("the block on top of the stack", "top")]
    [InlineData("the one on top", "top")]
    [InlineData("the block at the bottom of the stack", "bottom")]
    [InlineData("the leftmost block", "leftmost")]
    [InlineData("the block on the far right", "rightmost")]
    public void Spatial_words_are_extremes_not_relations(string text, string extreme)
    {
        var reference = Read(text);

        Assert.Equal(extreme, reference.Extreme);
        Assert.Null(reference.Relation);
    }

    [Fact]
    public void Ordinals_count_from_the_left_unless_told_otherwise()
    {
        var fromLeft = Read("the second block from the left");
        var fromRight = Read("the first block from the right");

        Assert.Equal((2, false), (fromLeft.Ordinal, fromLeft.OrdinalFromRight));
        Assert.Equal((1, true), (fromRight.Ordinal, fromRight.OrdinalFromRight));
    }

    [Fact]
    public void A_shared_noun_serves_every_coordinated_phrase()
    {
        var reference = Read("the green and the yellow blocks");

        Assert.Equal(2, reference.Conjuncts.Count);
        Assert.All(reference.Conjuncts, conjunct => Assert.Equal(("block", Quantity.Definite), (conjunct.Type, conjunct.Quantity)));
        Assert.Equal(["green", "yellow"], reference.Conjuncts.Select(conjunct => conjunct.Color));
    }

    [Fact]
    public void Part_numbers_are_read_from_digits_and_words_and_lists()
    {
        Assert.Equal([2], Read("part two", s_factory).Numbers);
        Assert.Equal([1], Read("part one", s_factory).Numbers);
        var list = Read("parts 2 and 3", s_factory);
        Assert.Equal([2, 3], list.Conjuncts.SelectMany(conjunct => conjunct.Numbers));
        Assert.All(list.Conjuncts, conjunct => Assert.Equal("part", conjunct.Type));
    }

    [Fact]
    public void The_word_one_after_a_colour_stands_for_a_noun_not_a_number()
    {
        var reference = Read("the red one");

        Assert.True(reference.IsAnaphoric);
        Assert.Empty(reference.Numbers);
    }

    [Fact]
    public void Station_labels_and_the_table_are_recognised()
    {
        Assert.Equal("painting", Read("the painting station", s_factory).Label);
        Assert.Equal("painting", Read("the paint shop", s_factory).Label);
        Assert.True(Read("the table").IsSurface);
    }

    [Fact]
    public void Words_the_lexicon_lacks_are_kept_so_that_the_resolver_can_say_so()
    {
        Assert.Equal(["window"], Read("the window").UnknownWords);
    }
}
