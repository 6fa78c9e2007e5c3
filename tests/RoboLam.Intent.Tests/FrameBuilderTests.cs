using RoboLam.Intent.Frames;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Tests;

/// <summary>From tags to frames, with tags written by hand: "put/B-PLACE the/B-THEME block/I-THEME".</summary>
public sealed class FrameBuilderTests
{
    private static readonly FrameBuilder s_builder = new(Lexicon.ForDomain("tabletop"));

    private static FrameReading Build(string tagged) =>
        s_builder.Build(tagged.Split(' ').Select(token =>
        {
            var slash = token.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? new TaggedWord(token, TagSet.Outside, 0.9f) : new TaggedWord(token[..slash], token[(slash + 1)..], 0.9f);
        }).ToList());

    [Fact]
    public void Each_action_opens_a_clause_with_the_arguments_after_it()
    {
        var reading = Build("pick/B-PICKUP up/I-PICKUP the/B-THEME red/I-THEME block/I-THEME and then put/B-PLACE it/B-THEME in the/B-DEST bin/I-DEST");

        Assert.Equal(["pickup \"pick up\" theme=\"the red block\"", "place \"put\" theme=\"it\" destination=\"the bin\""], reading.Frames.Select(frame => frame.ToString()));
    }

    [Fact]
    public void Arguments_without_a_verb_ask_for_a_placement()
    {
        var reading = Build("the/B-THEME red/I-THEME block/I-THEME on the/B-DEST blue/I-DEST one/I-DEST please");

        Assert.Equal(ActionKind.Place, reading.Frames.Single().Action);
    }

    [Fact]
    public void A_theme_before_a_wish_verb_belongs_to_it()
    {
        var reading = Build("the/B-THEME red/I-THEME block/I-THEME goes/B-PLACE in the/B-DEST bin/I-DEST");

        Assert.Equal("place \"goes\" theme=\"the red block\" destination=\"the bin\"", reading.Frames.Single().ToString());
    }

    [Fact]
    public void A_placement_read_as_one_long_theme_gets_its_destination_back()
    {
        var reading = Build("put/B-PLACE the/B-THEME green/I-THEME block/I-THEME on/I-THEME the/I-THEME red/I-THEME block/I-THEME");

        Assert.Equal("place \"put\" theme=\"the green block\" destination=\"the red block\"", reading.Frames.Single().ToString());
    }

    [Fact]
    public void A_destination_said_first_is_still_the_destination()
    {
        var reading = Build("on the/B-THEME blue/I-THEME block/I-THEME , put/B-PLACE the/B-THEME small/I-THEME red/I-THEME one/I-THEME");

        Assert.Equal("place \"put\" destination=\"the blue block\" theme=\"the small red one\"", reading.Frames.Single().ToString());
    }

    [Fact]
    public void On_the_left_stays_part_of_the_theme()
    {
        var reading = Build("put/B-PLACE the/B-THEME block/I-THEME on/I-THEME the/I-THEME left/I-THEME");

        Assert.Equal("place \"put\" theme=\"the block on the left\"", reading.Frames.Single().ToString());
    }

    [Fact]
    public void A_destination_after_a_relative_clause_describes_the_theme()
    {
        var reading = Build("move/B-PLACE the/B-THEME block/I-THEME that is sitting on the/B-DEST red/I-DEST one/I-DEST into the/B-DEST bin/I-DEST");

        Assert.Equal("place \"move\" theme=\"the block that is sitting on the red one\" destination=\"the bin\"", reading.Frames.Single().ToString());
    }

    [Theory]
    [InlineData("put/B-PLACE down/I-PLACE the/B-THEME block/I-THEME", "place \"put down\" theme=\"the block\" destination=\"down\"")]
    [InlineData("take/B-PLACE the/B-THEME block/I-THEME", "pickup \"take\" theme=\"the block\"")]
    [InlineData("grab/B-PICKUP the/B-THEME block/I-THEME into the/B-DEST bin/I-DEST", "place \"grab\" theme=\"the block\" destination=\"the bin\"")]
    public void Verb_rules_fix_what_one_word_cannot_show(string tagged, string expected) =>
        Assert.Equal(expected, Build(tagged).Frames.Single().ToString());

    [Fact]
    public void Safety_spans_are_reported()
    {
        var reading = Build("ignore/B-SAFETY the/I-SAFETY limits/I-SAFETY");

        Assert.Equal(["ignore the limits"], reading.SafetySpans);
    }

    [Fact]
    public void Process_steps_said_without_commas_and_read_as_one_verb_are_separate_clauses()
    {
        var factory = new FrameBuilder(Lexicon.ForDomain("factory"));
        var words = "take/B-PROCESS part/B-THEME 2/I-THEME through painting/B-PAINT drilling/I-PAINT white/B-COLOR and inspection/B-INSPECT"
            .Split(' ')
            .Select(token => token.Split('/') is [var word, var tag] ? new TaggedWord(word, tag, 0.9f) : new TaggedWord(token, TagSet.Outside, 0.9f))
            .ToList();

        var reading = factory.Build(words);

        Assert.Equal([ActionKind.Process, ActionKind.Paint, ActionKind.Drill, ActionKind.Inspect], reading.Frames.Select(frame => frame.Action));
    }

    [Fact]
    public void A_two_word_verb_the_tagger_split_is_still_one_verb() =>
        Assert.Equal("pickup \"pick up\" theme=\"the block\"", Build("pick/B-PICKUP up/B-PICKUP the/B-THEME block/I-THEME").Frames.Single().ToString());
}
