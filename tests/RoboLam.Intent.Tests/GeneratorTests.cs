using RoboLam.Intent.Frames;
using RoboLam.Intent.Generation;
using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Tests;

public sealed class GeneratorTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<ActionKind>> s_domains = new Dictionary<string, IReadOnlySet<ActionKind>>
    {
        ["tabletop"] = GoalVocabulary.SupportedKinds(TestData.Domain("tabletop")),
        ["factory"] = GoalVocabulary.SupportedKinds(TestData.Domain("factory")),
    };

    private static IReadOnlyList<TaggedSentence> Generate(int seed, int count = 400) => new TrainingSentenceGenerator(s_domains, seed).Generate(count);

    [Fact]
    public void The_same_seed_gives_the_same_sentences()
    {
        Assert.Equal(Generate(8).Select(sentence => sentence.ToString()), Generate(8).Select(sentence => sentence.ToString()));
    }

    [Fact]
    public void Another_seed_gives_other_sentences()
    {
        var first = Generate(8).Select(sentence => sentence.ToString()).ToHashSet();
        var second = Generate(9).Select(sentence => sentence.ToString()).ToList();

        Assert.True(second.Count(first.Contains) < second.Count / 4, "two seeds should rarely make the same sentence");
    }

    [Fact]
    public void Every_sentence_is_tagged_word_for_word_with_consistent_BIO_tags()
    {
        foreach (var sentence in Generate(3, 1500))
        {
            Assert.Equal(sentence.Words.Count, sentence.Tags.Count);
            Assert.NotEmpty(sentence.Words);
            var previous = TagSet.Outside;
            foreach (var tag in sentence.Tags)
            {
                Assert.True(TagSet.Tags.Contains(tag), $"unknown tag {tag} in: {sentence}");
                Assert.True(TagSet.CanFollow(previous, tag), $"{tag} cannot follow {previous} in: {sentence}");
                previous = tag;
            }
        }
    }

    [Fact]
    public void Sentences_cover_every_action_the_domains_support_and_the_refusals()
    {
        var labels = Generate(5, 2000).SelectMany(sentence => sentence.Tags).Where(TagSet.IsBegin).Select(TagSet.LabelOf).ToHashSet();
        var expected = s_domains.Values.SelectMany(kinds => kinds).Select(TagSet.ActionLabel).Concat(["FOREIGN", "SAFETY", "THEME", "DEST", "COLOR"]);

        Assert.All(expected, label => Assert.Contains(label, labels));
    }

    [Fact]
    public void A_domain_without_an_action_gets_no_commands_for_it()
    {
        var tabletopOnly = new Dictionary<string, IReadOnlySet<ActionKind>> { ["tabletop"] = s_domains["tabletop"] };

        var labels = new TrainingSentenceGenerator(tabletopOnly, 1).Generate(800).SelectMany(sentence => sentence.Tags).ToHashSet();

        Assert.DoesNotContain("B-PAINT", labels);
        Assert.DoesNotContain("B-DRILL", labels);
    }
}
