using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Tests;

public sealed class BioDecoderTests
{
    private static float[] Probabilities(params (string Tag, float Probability)[] entries)
    {
        var row = new float[TagSet.Count];
        var rest = (1f - entries.Sum(entry => entry.Probability)) / (TagSet.Count - entries.Length);
        Array.Fill(row, rest);
        foreach (var (tag, probability) in entries)
        {
            row[TagSet.IndexOf(tag)] = probability;
        }

        return row;
    }

    [Fact]
    public void An_inside_tag_never_starts_a_span()
    {
        // Word 2 alone prefers I-THEME, which cannot follow B-PLACE: the path must take B-THEME there instead.
        var rows = new[]
        {
            Probabilities(("B-PLACE", 0.9f)),
            Probabilities(("I-THEME", 0.6f), ("B-THEME", 0.35f)),
            Probabilities(("I-THEME", 0.9f)),
        };

        var (tags, _) = BioDecoder.Decode(rows);

        Assert.Equal(["B-PLACE", "B-THEME", "I-THEME"], tags.Select(tag => TagSet.Tags[tag]));
    }

    [Fact]
    public void The_first_word_cannot_be_inside_a_span()
    {
        var (tags, _) = BioDecoder.Decode([Probabilities(("I-DEST", 0.7f), ("B-DEST", 0.2f))]);

        Assert.Equal("B-DEST", TagSet.Tags[tags[0]]);
    }

    [Fact]
    public void Each_word_reports_the_probability_of_its_chosen_tag()
    {
        var (_, probabilities) = BioDecoder.Decode([Probabilities(("B-PICKUP", 0.8f)), Probabilities(("B-THEME", 0.7f))]);

        Assert.Equal([0.8f, 0.7f], probabilities);
    }
}
