namespace RoboLam.Intent.Neural;

/// <summary>
/// Viterbi over the head's per-word tag probabilities, allowing only BIO-consistent paths
/// (an I- tag continues a span of its own label). Returns the best path and each chosen tag's probability.
/// </summary>
public static class BioDecoder
{
    public static (int[] Tags, float[] Probabilities) Decode(float[][] probabilities)
    {
        var words = probabilities.Length;
        var tags = TagSet.Count;
        if (words == 0)
        {
            return ([], []);
        }

        var score = new double[words, tags];
        var back = new int[words, tags];
        for (var tag = 0; tag < tags; tag++)
        {
            score[0, tag] = TagSet.IsInside(TagSet.Tags[tag]) ? double.NegativeInfinity : Log(probabilities[0][tag]);
        }

        for (var word = 1; word < words; word++)
        {
            for (var tag = 0; tag < tags; tag++)
            {
                var best = double.NegativeInfinity;
                var bestPrevious = 0;
                for (var previous = 0; previous < tags; previous++)
                {
                    if (!TagSet.CanFollow(TagSet.Tags[previous], TagSet.Tags[tag]) || score[word - 1, previous] <= best)
                    {
                        continue;
                    }

                    best = score[word - 1, previous];
                    bestPrevious = previous;
                }

                score[word, tag] = best + Log(probabilities[word][tag]);
                back[word, tag] = bestPrevious;
            }
        }

        var path = new int[words];
        var last = 0;
        for (var tag = 1; tag < tags; tag++)
        {
            if (score[words - 1, tag] > score[words - 1, last])
            {
                last = tag;
            }
        }

        path[words - 1] = last;
        for (var word = words - 1; word > 0; word--)
        {
            path[word - 1] = back[word, path[word]];
        }

        return (path, path.Select((tag, word) => probabilities[word][tag]).ToArray());
    }

    private static double Log(float probability) => Math.Log(Math.Max(probability, 1e-9f));
}
