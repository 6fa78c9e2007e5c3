using System.Text;

namespace RoboLam.Speech.Adaptation;

/// <summary>
/// Reads the mixture weights of a PocketSphinx semi-continuous or PTM model from its <c>sendump</c>, the compact form
/// Debian's en-us model ships instead of sphinxtrain's <c>mixture_weights</c>: a header of length-prefixed strings
/// ending with a zero length, the number of codewords and of senones, then one byte per (stream, codeword, senone).
/// Each byte is a negated log weight (base 1.0001) shifted right by 10 bits, as PocketSphinx stores senone scores, so
/// the weights come back to within about 10 % of the trained ones: plenty for aligning adaptation speech.
/// </summary>
public static class SendumpReader
{
    /// <summary>PocketSphinx's log base and the shift applied to mixture weights in a sendump.</summary>
    private const double LogBase = 1.0001;
    private const int WeightShift = 10;

    /// <summary>The weights as [senone, stream, codeword], each (senone, stream) normalised to sum to 1.</summary>
    public static MixtureWeights Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var streams = 0;
        try
        {
            // The header strings; the only one needed is the stream count ("feature_count 3").
            for (var length = reader.ReadInt32(); length != 0; length = reader.ReadInt32())
            {
                if (length is < 0 or > 4096)
                {
                    throw Bad(path, $"a header string of {length} bytes (a big-endian or damaged file)");
                }

                var line = Encoding.ASCII.GetString(reader.ReadBytes(length)).TrimEnd('\0');
                if (line.StartsWith("feature_count ", StringComparison.Ordinal))
                {
                    streams = int.Parse(line["feature_count ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("cluster_count ", StringComparison.Ordinal) && line != "cluster_count 0")
                {
                    throw Bad(path, "clustered (4-bit) weights, which this reader does not unpack");
                }
            }

            var codewords = reader.ReadInt32();
            var senones = reader.ReadInt32();
            if (streams <= 0 || codewords <= 0 || senones <= 0
                || stream.Length - stream.Position != (long)streams * codewords * senones)
            {
                throw Bad(path, $"{streams} streams x {codewords} codewords x {senones} senones do not match its {stream.Length} bytes");
            }

            var weights = new MixtureWeights(senones, streams, codewords);
            for (var feature = 0; feature < streams; feature++)
            {
                for (var codeword = 0; codeword < codewords; codeword++)
                {
                    var row = reader.ReadBytes(senones);
                    for (var senone = 0; senone < senones; senone++)
                    {
                        weights[senone, feature, codeword] = (float)Math.Pow(LogBase, -(row[senone] << WeightShift));
                    }
                }
            }

            weights.Normalise();
            return weights;
        }
        catch (EndOfStreamException exception)
        {
            throw new SpeechUnavailableException($"speech: {path} ends early; reinstall pocketsphinx-en-us", exception);
        }
    }

    private static SpeechUnavailableException Bad(string path, string what) =>
        new($"speech: {path} is not a sendump this reader understands: {what}");
}
