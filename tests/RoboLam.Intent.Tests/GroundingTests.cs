using RoboLam.Intent.Frames;
using RoboLam.Intent.Worlds;
using static RoboLam.Intent.Tests.FrameText;

namespace RoboLam.Intent.Tests;

/// <summary>Grounding rules on small worlds, with frames written by hand (no tagger involved).</summary>
public sealed class GroundingTests
{
    private static IntentProposal Ground(World world, IReadOnlyList<string> referents, params Frame[] frames) =>
        TestData.Session(world).Grounder.Ground(frames, referents);

    private static IntentProposal Ground(World world, params Frame[] frames) => Ground(world, [], frames);

    private static string Goal(IntentProposal proposal)
    {
        Assert.True(proposal.Kind == IntentKind.Goal, $"expected a goal, got {proposal.Kind}: {proposal.Reason ?? proposal.Question}");
        return string.Join(' ', proposal.Goal);
    }

    [Theory]
    [InlineData("the small red block", "r1")]
    [InlineData("the tiny crimson cube", "r1")]
    [InlineData("the big red one", "r2")]
    [InlineData("the leftmost block", "r1")]
    [InlineData("the block on the far left", "r1")]
    [InlineData("the second red block from the left", "r2")]
    [InlineData("the block on the red one", "g1")]
    [InlineData("the block that is sitting on the large red block", "g1")]
    [InlineData("the block under the yellow one", "b1")]
    public void A_description_picks_out_one_block(string phrase, string expected)
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.PickUp, "pick up", Theme(phrase)));

        Assert.Equal($"(holding {expected})", Goal(proposal));
    }

    [Fact]
    public void The_block_on_top_of_the_stack_is_its_clear_top()
    {
        var proposal = Ground(TestData.Tower(), Frame(ActionKind.Place, "place", Theme("the block on top of the stack"), Destination("in", "the right box")));

        Assert.Equal("(in k1 box2)", Goal(proposal));
    }

    [Fact]
    public void The_destination_type_chooses_the_predicate()
    {
        var world = TestData.Tabletop();

        Assert.Equal("(on r1 b1)", Goal(Ground(world, Frame(ActionKind.Place, "put", Theme("the small red block"), Destination("on", "the blue block")))));
        Assert.Equal("(in r1 binl)", Goal(Ground(world, Frame(ActionKind.Place, "put", Theme("the small red block"), Destination("into", "the left bin")))));
        Assert.Equal("(in r1 binr)", Goal(Ground(world, Frame(ActionKind.Place, "drop", Theme("the small red one"), Destination("into", "the white bin")))));
        Assert.Equal("(on-table g1)", Goal(Ground(world, Frame(ActionKind.Place, "put", Theme("the green block"), Destination("on", "the table")))));
    }

    [Fact]
    public void One_in_the_destination_takes_the_theme_s_noun()
    {
        // "the red one" could be the red block or the red box; the theme is a block, so it is the block.
        var proposal = Ground(TestData.Tower(), Frame(ActionKind.Place, "put", Theme("the black block"), Destination("on", "the red one")));

        Assert.Equal("(on k3 k4)", Goal(proposal));
    }

    [Theory]
    [InlineData("all red blocks", "(in r1 binl) (in r2 binl)")]
    [InlineData("every block", "(in r1 binl) (in r2 binl) (in g1 binl) (in b1 binl) (in y1 binl)")]
    [InlineData("the green and the yellow blocks", "(in g1 binl) (in y1 binl)")]
    [InlineData("both red blocks", "(in r1 binl) (in r2 binl)")]
    public void Quantifiers_expand_over_the_world(string phrase, string expected)
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.Place, "put", Theme(phrase), Destination("in", "the black bin")));

        Assert.Equal(expected, Goal(proposal));
    }

    [Fact]
    public void Both_when_there_are_more_than_two_asks_which()
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.Place, "put", Theme("both small blocks"), Destination("in", "the black bin")));

        Assert.Equal(IntentKind.Clarify, proposal.Kind);
        Assert.Equal(["r1", "g1", "y1"], proposal.Candidates.Single());
    }

    [Fact]
    public void An_ambiguous_reference_asks_a_question_naming_the_candidates()
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.Place, "put", Theme("the red block"), Destination("on", "the blue block")));

        Assert.Equal(IntentKind.Clarify, proposal.Kind);
        Assert.Equal(["r1", "r2"], proposal.Candidates.Single());
        Assert.Contains("(r1)", proposal.Question, StringComparison.Ordinal);
        Assert.Contains("(r2)", proposal.Question, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the purple block", "there is no purple block")]
    [InlineData("the window", "'window'")]
    [InlineData("the", "does not say which thing")]
    public void A_reference_to_nothing_there_is_refused_with_the_reason(string phrase, string reason)
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.PickUp, "grab", Theme(phrase)));

        Assert.Equal(IntentKind.Refuse, proposal.Kind);
        Assert.Contains(reason, proposal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void It_and_them_refer_to_what_the_conversation_talked_about()
    {
        var world = TestData.Tabletop();

        Assert.Equal("(in y1 binl)", Goal(Ground(world, ["y1"], Frame(ActionKind.Place, "put", Theme("it"), Destination("in", "the left bin")))));
        Assert.Equal("(on-table g1) (on-table y1)", Goal(Ground(world, ["g1", "y1"], Frame(ActionKind.Place, "put", Theme("them"), Destination("on", "the table")))));
        Assert.Equal(IntentKind.Clarify, Ground(world, ["g1", "y1"], Frame(ActionKind.PickUp, "grab", Theme("it"))).Kind);
        Assert.Equal(IntentKind.Refuse, Ground(world, Frame(ActionKind.PickUp, "grab", Theme("it"))).Kind);
    }

    [Fact]
    public void Within_one_command_it_refers_to_the_previous_clause()
    {
        var proposal = Ground(
            TestData.Factory(),
            Frame(ActionKind.Drill, "drill", Theme("part 1")),
            Frame(ActionKind.Paint, "paint", Theme("it"), Color("blue")));

        Assert.Equal("(drilled p1) (painted p1 blue)", Goal(proposal));
    }

    [Fact]
    public void A_process_names_the_part_for_the_steps_that_follow()
    {
        var proposal = Ground(
            TestData.Factory(),
            Frame(ActionKind.Process, "run", Theme("part one")),
            Frame(ActionKind.Drill, "drilling"),
            Frame(ActionKind.Paint, "painting", Color("green")),
            Frame(ActionKind.Inspect, "inspection"),
            Frame(ActionKind.Place, "send", Theme("it"), Destination("to", "the output")));

        Assert.Equal("(drilled p1) (painted p1 green) (inspected p1) (at p1 output)", Goal(proposal));
    }

    [Fact]
    public void Stations_are_found_by_their_label()
    {
        var proposal = Ground(TestData.Factory(), Frame(ActionKind.Place, "bring", Theme("part 4"), Destination("to", "the painting station")));

        Assert.Equal("(at p4 paint)", Goal(proposal));
    }

    [Fact]
    public void Part_lists_and_all_parts_expand()
    {
        var world = TestData.Factory();

        Assert.Equal("(painted p2 blue) (painted p3 blue)", Goal(Ground(world, Frame(ActionKind.Paint, "paint", Theme("parts 2 and 3"), Color("blue")))));
        Assert.Equal("(inspected p1) (inspected p2) (inspected p3) (inspected p4)", Goal(Ground(world, Frame(ActionKind.Inspect, "inspect", Theme("all parts")))));
    }

    [Theory]
    [InlineData("part 9", "red", "there is no part 9")]
    [InlineData("part 2", "yellow", "no yellow paint")]
    public void A_missing_part_or_paint_is_refused(string part, string color, string reason)
    {
        var proposal = Ground(TestData.Factory(), Frame(ActionKind.Paint, "paint", Theme(part), Color(color)));

        Assert.Equal(IntentKind.Refuse, proposal.Kind);
        Assert.Contains(reason, proposal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Painting_without_a_colour_asks_which_colour()
    {
        var proposal = Ground(TestData.Factory(), Frame(ActionKind.Paint, "paint", Theme("part 2")));

        Assert.Equal(IntentKind.Clarify, proposal.Kind);
        Assert.Equal(["red", "blue", "green"], proposal.Candidates.Single());
    }

    [Fact]
    public void A_foreign_action_is_refused_and_says_what_the_robot_can_do()
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.Foreign, "throw", Theme("the blue block")));

        Assert.Equal(IntentKind.Refuse, proposal.Kind);
        Assert.Contains("'throw'", proposal.Reason, StringComparison.Ordinal);
        Assert.Contains("pick up", proposal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_the_domain_lacks_is_refused()
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.Paint, "paint", Theme("the blue block"), Color("red")));

        Assert.Equal(IntentKind.Refuse, proposal.Kind);
        Assert.Contains("cannot paint", proposal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_is_built_bottom_up_unless_the_top_is_named_first()
    {
        var world = TestData.Tabletop();
        var bottomUp = Frame(ActionKind.Build, "build", Theme("blue", "at the bottom ,"), Theme("green"), Theme("yellow", "on top"));
        var topDown = Frame(ActionKind.Build, "build", Theme("yellow", "on top ,"), Theme("green"), Theme("blue", "at the bottom"));

        Assert.Equal("(on g1 b1) (on y1 g1)", Goal(Ground(world, bottomUp)));
        Assert.Equal("(on g1 b1) (on y1 g1)", Goal(Ground(world, topDown)));
    }

    [Fact]
    public void Picking_up_on_the_way_to_a_placement_is_not_a_goal_of_its_own()
    {
        var proposal = Ground(
            TestData.Tabletop(),
            Frame(ActionKind.PickUp, "take", Theme("the blue block")),
            Frame(ActionKind.Place, "put", Theme("it"), Destination("in", "the left bin")));

        Assert.Equal("(in b1 binl)", Goal(proposal));
    }

    [Fact]
    public void The_gripper_holds_one_block_at_a_time()
    {
        var proposal = Ground(TestData.Tabletop(), Frame(ActionKind.PickUp, "pick up", Theme("all red blocks")));

        Assert.Equal(IntentKind.Refuse, proposal.Kind);
        Assert.Contains("one thing at a time", proposal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unstacking_everything_leaves_blocks_in_bins_where_they_are()
    {
        var proposal = Ground(TestData.Tower(), Frame(ActionKind.Unstack, "unstack", Theme("everything")));

        Assert.Equal("(on-table k1) (on-table k2) (on-table k3) (on-table k4)", Goal(proposal));
    }
}
