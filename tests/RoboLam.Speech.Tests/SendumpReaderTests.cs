using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Tests;

/// <summary>The mixture weights recovered from Debian's en-us sendump, which sphinxtrain needs for enrolment.</summary>
public sealed class SendumpReaderTests
{
    [Fact]
    public void The_en_us_sendump_gives_normalised_weights_for_every_senone_stream_and_codeword()
    {
        var weights = SendumpReader.Read(Path.Combine(AcousticModel.Find().AcousticFolder, "sendump"));

        // The model's mdef: 5,126 tied states; feat.params: 3 streams; the means file: 128 Gaussians per codebook.
        Assert.Equal((5126, 3, 128), (weights.Senones, weights.Streams, weights.Codewords));
        foreach (var senone in new[] { 0, 2000, 5125 })
        {
            for (var stream = 0; stream < 3; stream++)
            {
                var sum = Enumerable.Range(0, 128).Sum(codeword => (double)weights[senone, stream, codeword]);
                Assert.InRange(sum, 0.999, 1.001);
                Assert.All(Enumerable.Range(0, 128), codeword => Assert.InRange(weights[senone, stream, codeword], 0f, 1f));
            }
        }
    }

    [Fact]
    public void The_sphinxtrain_file_has_an_aligned_header_and_every_weight()
    {
        var weights = new MixtureWeights(2, 1, 3);
        weights[1, 0, 2] = 0.25f;
        var path = Path.GetTempFileName();
        try
        {
            weights.WriteSphinxTrainFile(path);
            var bytes = File.ReadAllBytes(path);
            var data = System.Text.Encoding.ASCII.GetString(bytes, 0, 32).IndexOf("endhdr\n", StringComparison.Ordinal) + "endhdr\n".Length;

            Assert.Equal(0, data % 4);
            Assert.Equal(0x11223344, BitConverter.ToInt32(bytes, data));
            Assert.Equal([2, 1, 3, 6], Enumerable.Range(0, 4).Select(index => BitConverter.ToInt32(bytes, data + 4 + (4 * index))));
            Assert.Equal(0.25f, BitConverter.ToSingle(bytes, data + 20 + (5 * 4)));
            Assert.Equal(data + 20 + (6 * 4), bytes.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_sphinxtrain_names_the_packages_to_install()
    {
        var problem = Assert.Throws<SpeechUnavailableException>(() => SphinxTrainTools.Find("bw", "/nonexistent/sphinxtrain"));

        Assert.Contains("apt-get install sphinxtrain", problem.Message, StringComparison.Ordinal);
    }
}
