namespace RoboLam.Speech.Adaptation;

/// <summary>Mixture weights of a semi-continuous or PTM model, indexed [senone, stream, codeword].</summary>
public sealed class MixtureWeights(int senones, int streams, int codewords)
{
    private readonly float[] _values = new float[senones * streams * codewords];

    public int Senones { get; } = senones;

    public int Streams { get; } = streams;

    public int Codewords { get; } = codewords;

    public float this[int senone, int stream, int codeword]
    {
        get => _values[Index(senone, stream, codeword)];
        set => _values[Index(senone, stream, codeword)] = value;
    }

    /// <summary>Each (senone, stream) sums to 1 again (quantisation leaves it a little off).</summary>
    public void Normalise()
    {
        for (var start = 0; start < _values.Length; start += Codewords)
        {
            var row = _values.AsSpan(start, Codewords);
            var sum = 0.0;
            foreach (var value in row)
            {
                sum += value;
            }

            for (var index = 0; index < row.Length; index++)
            {
                row[index] = (float)(row[index] / sum);
            }
        }
    }

    /// <summary>
    /// Writes sphinxtrain's binary <c>mixture_weights</c> (what <c>bw</c> and <c>map_adapt</c> read): an "s3" text
    /// header padded so the data starts on a 4-byte boundary, a byte-order word, the three dimensions and their product,
    /// then the floats in [senone, stream, codeword] order. No checksum, which the format allows.
    /// </summary>
    public void WriteSphinxTrainFile(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        var header = "s3\nversion 1.0\n";
        var misalignment = (header.Length + "endhdr\n".Length) % 4;
        header += new string(' ', misalignment == 0 ? 0 : 4 - misalignment) + "endhdr\n";
        writer.Write(System.Text.Encoding.ASCII.GetBytes(header));
        writer.Write(0x11223344);
        writer.Write(Senones);
        writer.Write(Streams);
        writer.Write(Codewords);
        writer.Write(_values.Length);
        foreach (var value in _values)
        {
            writer.Write(value);
        }
    }

    private int Index(int senone, int stream, int codeword) => (((senone * Streams) + stream) * Codewords) + codeword;
}
