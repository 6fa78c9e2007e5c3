namespace RoboLam.Intent.Neural;

/// <summary>
/// The tagger head's input for one word: its contextual vector and its neighbours' (±1), plus the lexical
/// categories of the words around it (±2) and sentence-edge flags. Training and inference share this layout.
/// </summary>
public static class WordFeatures
{
    /// <summary>Vectors are unit length, then scaled so that they weigh about as much as the one-hot features.</summary>
    private const float VectorScale = 6f;

    private const int VectorWindow = 1;

    private const int CategoryWindow = 2;

    public static readonly int Dimension =
        (((2 * VectorWindow) + 1) * MiniLmEncoder.Dimension) + (((2 * CategoryWindow) + 1) * LexicalFeatures.CategoryCount) + 2;

    /// <summary>
    /// Builds one feature row per word. <paramref name="hideCategories"/>, when given, hides the lexicon for some
    /// words (training does this so that the head also learns from the vectors, for words the lexicon lacks).
    /// </summary>
    public static float[][] Build(float[][] vectors, HashSet<LexicalCategory>[] categories, bool[]? hideCategories = null)
    {
        var count = vectors.Length;
        var normalized = vectors.Select(Normalize).ToArray();
        var rows = new float[count][];
        for (var word = 0; word < count; word++)
        {
            var row = new float[Dimension];
            var offset = 0;
            for (var shift = -VectorWindow; shift <= VectorWindow; shift++)
            {
                var neighbour = word + shift;
                if (neighbour >= 0 && neighbour < count)
                {
                    normalized[neighbour].CopyTo(row, offset);
                }

                offset += MiniLmEncoder.Dimension;
            }

            for (var shift = -CategoryWindow; shift <= CategoryWindow; shift++)
            {
                var neighbour = word + shift;
                if (neighbour >= 0 && neighbour < count && hideCategories?[neighbour] != true)
                {
                    foreach (var category in categories[neighbour])
                    {
                        row[offset + (int)category] = 1f;
                    }
                }

                offset += LexicalFeatures.CategoryCount;
            }

            row[offset] = word == 0 ? 1f : 0f;
            row[offset + 1] = word == count - 1 ? 1f : 0f;
            rows[word] = row;
        }

        return rows;
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        return norm == 0 ? vector : vector.Select(value => value * VectorScale / norm).ToArray();
    }
}
