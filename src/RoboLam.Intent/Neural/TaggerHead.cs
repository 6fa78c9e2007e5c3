using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace RoboLam.Intent.Neural;

/// <summary>
/// The small per-word classifier trained by <c>robolam intent train</c> and shipped as <c>Heads/tagger.onnx</c>
/// (embedded). Input: <see cref="WordFeatures"/> rows; output: a probability per <see cref="TagSet"/> tag.
/// </summary>
public sealed class TaggerHead : IDisposable
{
    private const string EmbeddedName = "RoboLam.Intent.Heads.tagger.onnx";

    private readonly InferenceSession _session;
    private readonly string _featureInput;
    private readonly string _scoreOutput;
    private readonly List<string> _otherInputs;

    private TaggerHead(InferenceSession session, string source)
    {
        _session = session;
        var floatInputs = session.InputMetadata.Where(input => input.Value.ElementDataType == TensorElementType.Float).ToList();
        if (floatInputs.Count != 1 || floatInputs[0].Value.Dimensions[^1] != WordFeatures.Dimension)
        {
            throw new InvalidOperationException(
                $"{source} does not take {WordFeatures.Dimension} features per word as this build does; retrain it with 'robolam intent train'");
        }

        _featureInput = floatInputs[0].Key;
        _otherInputs = session.InputMetadata.Keys.Where(name => name != _featureInput).ToList();
        _scoreOutput = session.OutputMetadata
            .Where(output => output.Value.ElementDataType == TensorElementType.Float && output.Value.Dimensions[^1] == TagSet.Count)
            .Select(output => output.Key)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"{source} does not give {TagSet.Count} tag scores per word as this build expects; retrain it with 'robolam intent train'");
    }

    public static TaggerHead LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException("no tagger head is embedded in this build; run 'robolam intent train' and rebuild");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Load(bytes, "the embedded tagger head");
    }

    public static TaggerHead Load(byte[] model, string source)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidOperationException($"{source} is not a usable ONNX model: {exception.Message}", exception);
        }

        return new TaggerHead(session, source);
    }

    /// <summary>Tag probabilities, one row per word.</summary>
    public float[][] Predict(float[][] features)
    {
        var count = features.Length;
        var flat = new float[count * WordFeatures.Dimension];
        for (var word = 0; word < count; word++)
        {
            features[word].CopyTo(flat, word * WordFeatures.Dimension);
        }

        var names = new List<string> { _featureInput };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(flat, [count, WordFeatures.Dimension]) };
        try
        {
            foreach (var name in _otherInputs)
            {
                values.Add(EmptyInput(_session.InputMetadata[name], count));
                names.Add(name);
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [_scoreOutput]);
            var scores = outputs[0].GetTensorDataAsSpan<float>();
            var rows = new float[count][];
            for (var word = 0; word < count; word++)
            {
                rows[word] = scores.Slice(word * TagSet.Count, TagSet.Count).ToArray();
            }

            return rows;
        }
        finally
        {
            values.ForEach(value => value.Dispose());
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>ML.NET exports keep a label input the model never uses; it gets an empty value of its type.</summary>
    private static OrtValue EmptyInput(NodeMetadata metadata, int count)
    {
        long[] shape = [count, 1];
        return metadata.ElementDataType switch
        {
            TensorElementType.String => OrtValue.CreateFromStringTensor(CreateStrings(count)),
            TensorElementType.UInt32 => OrtValue.CreateTensorValueFromMemory(new uint[count], shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(new int[count], shape),
            _ => OrtValue.CreateTensorValueFromMemory(new float[count], shape),
        };
    }

    private static Tensor<string> CreateStrings(int count)
    {
        var tensor = new DenseTensor<string>([count, 1]);
        for (var index = 0; index < count; index++)
        {
            tensor[index, 0] = string.Empty;
        }

        return tensor;
    }
}
