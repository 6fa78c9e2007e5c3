using System.Globalization;
using RoboLam.Intent.Frames;
using RoboLam.Intent.Neural;
using RoboLam.Intent.Training;

namespace RoboLam.Cli.Intent;

/// <summary><c>robolam intent train [--out FILE] [--seed N] [--sentences N]</c>: rebuilds the tagger head reproducibly.</summary>
internal sealed class TrainCommand
{
    public const string Usage = "robolam intent train [--out FILE] [--seed N] [--sentences N] [--domains DIR]";

    private static readonly HashSet<string> s_options = ["--out", "--seed", "--sentences", "--domains"];

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, new HashSet<string>(), out var problem);
        if (line is null || line.Positional.Count > 0)
        {
            error.WriteLine($"robolam intent train: {(line is null ? problem : "unexpected argument '" + line.Positional[0] + "'")}");
            error.WriteLine("usage: " + Usage);
            return ExitCodes.UsageError;
        }

        var options = new HeadTrainingOptions();
        if (!TryInteger(line.Value("--seed"), options.Seed, out var seed) || !TryInteger(line.Value("--sentences"), options.Sentences, out var sentences) || sentences < 50)
        {
            error.WriteLine("robolam intent train: --seed and --sentences take whole numbers (at least 50 sentences)");
            return ExitCodes.UsageError;
        }

        options = options with { Seed = seed, Sentences = sentences };
        var outputPath = line.Value("--out") ?? DefaultHeadPath();
        if (outputPath is null)
        {
            error.WriteLine("robolam intent train: not inside a RoboLam checkout; say where to write the head with --out FILE");
            return ExitCodes.UsageError;
        }

        var domains = DomainCatalog.SupportedKindsByDomain(line.Value("--domains"), output);
        // Training encodes thousands of sentences in batches: there every core helps.
        using var encoder = MiniLmEncoder.LoadEmbedded(threads: 0);
        using var buffer = new MemoryStream();
        var report = new HeadTrainer(encoder).Train(domains, options, buffer, message => output.WriteLine("  " + message));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            File.WriteAllBytes(outputPath, buffer.ToArray());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"robolam intent train: cannot write {outputPath}: {exception.Message}");
            return ExitCodes.FileError;
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"head: {outputPath} ({report.ModelBytes / 1024.0:F0} KB), {report.TrainingSentences} sentences / {report.TrainingWords} words, seed {options.Seed}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"held-out generated sentences: {report.HeldOutWordAccuracy:P1} of words, {report.HeldOutSentenceAccuracy:P1} of sentences tagged exactly"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: generate {report.GenerateTime.TotalSeconds:F1} s, encode {report.EncodeTime.TotalSeconds:F1} s, fit {report.FitTime.TotalSeconds:F1} s"));
        output.WriteLine("rebuild (dotnet build) to embed the new head");
        return ExitCodes.Success;
    }

    private static string? DefaultHeadPath()
    {
        var project = RepositoryPaths.FindAbove(Path.Combine("src", "RoboLam.Intent", "Heads"));
        return project is null ? null : Path.Combine(project, "tagger.onnx");
    }

    private static bool TryInteger(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
