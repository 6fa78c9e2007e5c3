using RoboLam.Intent.Lexicons;

namespace RoboLam.Intent.Neural;

/// <summary>Words → BIO tags: MiniLM word vectors and lexicon features through the tagger head, then BIO Viterbi.</summary>
public sealed class NeuralTagger : IDisposable
{
    private readonly MiniLmEncoder _encoder;
    private readonly TaggerHead _head;
    private readonly LexicalFeatures _lexical;

    public NeuralTagger(MiniLmEncoder encoder, TaggerHead head, Lexicon featureLexicon)
    {
        _encoder = encoder;
        _head = head;
        _lexical = new LexicalFeatures(featureLexicon);
    }

    /// <summary>The encoder and head shipped in this build, with the combined lexicon of all domains.</summary>
    public static NeuralTagger LoadShipped(int encoderThreads = 1) =>
        new(MiniLmEncoder.LoadEmbedded(encoderThreads), TaggerHead.LoadEmbedded(), Lexicon.Combined());

    public IReadOnlyList<TaggedWord> Tag(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var features = WordFeatures.Build(_encoder.EncodeWords(words), _lexical.Categorize(words));
        var (tags, probabilities) = BioDecoder.Decode(_head.Predict(features));
        return words.Select((word, index) => new TaggedWord(word, TagSet.Tags[tags[index]], probabilities[index])).ToArray();
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _head.Dispose();
    }
}
