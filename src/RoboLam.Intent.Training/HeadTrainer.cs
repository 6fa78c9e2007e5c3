using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using RoboLam.Intent.Frames;
using RoboLam.Intent.Generation;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Training;

/// <summary>
/// Rebuilds the tagger head: generates tagged sentences, encodes them with MiniLM, fits a maximum-entropy
/// classifier (ML.NET L-BFGS) on <see cref="WordFeatures"/> and exports it to ONNX for <see cref="TaggerHead"/>.
/// </summary>
public sealed class HeadTrainer
{
    private const int EncodeBatch = 32;

    private readonly MiniLmEncoder _encoder;
    private readonly LexicalFeatures _lexical = new(Lexicon.Combined());

    public HeadTrainer(MiniLmEncoder encoder)
    {
        _encoder = encoder;
    }

    /// <summary>Trains on sentences for <paramref name="domains"/> and writes the ONNX head to <paramref name="output"/>.</summary>
    public HeadTrainingReport Train(
        IReadOnlyDictionary<string, IReadOnlySet<ActionKind>> domains,
        HeadTrainingOptions options,
        Stream output,
        Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var training = new TrainingSentenceGenerator(domains, options.Seed).Generate(options.Sentences);
        var heldOut = new TrainingSentenceGenerator(domains, options.Seed + 1000).Generate(options.HeldOutSentences);
        var generateTime = clock.Elapsed;
        progress?.Invoke($"generated {training.Count} training and {heldOut.Count} held-out sentences");

        clock.Restart();
        var masking = new Random(options.Seed);
        var examples = Featurize(training, sentence => HideSome(sentence.Words.Count, options.HideLexiconRate, masking))
            .SelectMany(sentence => sentence)
            .ToList();
        var heldOutFeatures = Featurize(heldOut, _ => null);
        var encodeTime = clock.Elapsed;
        progress?.Invoke($"encoded {examples.Count} training words in {encodeTime.TotalSeconds:F1} s");

        clock.Restart();
        var context = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(WordExample));
        schema[nameof(WordExample.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, WordFeatures.Dimension);
        schema[nameof(WordExample.Label)].ColumnType = new KeyDataViewType(typeof(uint), TagSet.Count);
        var data = context.Data.LoadFromEnumerable(examples, schema);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(WordExample.Label),
            FeatureColumnName = nameof(WordExample.Features),
            L2Regularization = options.L2Regularization,
            L1Regularization = options.L1Regularization,
            MaximumNumberOfIterations = options.MaximumIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        var fitTime = clock.Elapsed;
        progress?.Invoke($"fitted the head in {fitTime.TotalSeconds:F1} s");

        using var buffer = new MemoryStream();
        context.Model.ConvertToOnnx(model, data, buffer);
        var bytes = buffer.ToArray();
        using var head = TaggerHead.Load(bytes, "the freshly trained head");
        var (wordAccuracy, sentenceAccuracy) = Measure(head, heldOut, heldOutFeatures);
        output.Write(bytes);
        return new HeadTrainingReport(
            training.Count, examples.Count, heldOut.Count, wordAccuracy, sentenceAccuracy, generateTime, encodeTime, fitTime, bytes.LongLength);
    }

    private static bool[]? HideSome(int count, double rate, Random random) =>
        rate <= 0 ? null : Enumerable.Range(0, count).Select(_ => random.NextDouble() < rate).ToArray();

    private static (double Words, double Sentences) Measure(TaggerHead head, IReadOnlyList<TaggedSentence> sentences, List<List<WordExample>> features)
    {
        var rightWords = 0;
        var words = 0;
        var rightSentences = 0;
        for (var index = 0; index < sentences.Count; index++)
        {
            var (tags, _) = BioDecoder.Decode(head.Predict(features[index].Select(example => example.Features).ToArray()));
            var right = tags.Select((tag, word) => TagSet.Tags[tag] == sentences[index].Tags[word]).Count(same => same);
            rightWords += right;
            words += tags.Length;
            rightSentences += right == tags.Length ? 1 : 0;
        }

        return ((double)rightWords / Math.Max(1, words), (double)rightSentences / Math.Max(1, sentences.Count));
    }

    private List<List<WordExample>> Featurize(IReadOnlyList<TaggedSentence> sentences, Func<TaggedSentence, bool[]?> hide)
    {
        var result = new List<List<WordExample>>(sentences.Count);
        foreach (var batch in sentences.Chunk(EncodeBatch))
        {
            var vectors = _encoder.EncodeBatch(batch.Select(sentence => sentence.Words).ToArray());
            for (var index = 0; index < batch.Length; index++)
            {
                var sentence = batch[index];
                var rows = WordFeatures.Build(vectors[index], _lexical.Categorize(sentence.Words), hide(sentence));
                result.Add(rows.Select((row, word) => new WordExample
                {
                    Features = row,
                    Label = (uint)TagSet.IndexOf(sentence.Tags[word]),
                }).ToList());
            }
        }

        return result;
    }
}
