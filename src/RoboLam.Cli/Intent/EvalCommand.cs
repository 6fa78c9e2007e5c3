using RoboLam.Intent;
using RoboLam.Intent.Evaluation;
using RoboLam.Intent.Providers;
using RoboLam.Intent.Worlds;

namespace RoboLam.Cli.Intent;

/// <summary>
/// <c>robolam intent eval FILE.jsonl</c>: runs every item, prints each miss, and ends with
/// <c>intent accuracy: P% (n/N); goal n/N, clarify n/N, reject n/N; p50 X ms, p95 Y ms</c>.
/// </summary>
internal sealed class EvalCommand
{
    public const string Usage = "robolam intent eval FILE.jsonl [--domains DIR] [--verbose] " + ProviderChoice.Usage;

    private static readonly HashSet<string> s_options = ["--domains", .. ProviderChoice.Options];

    private static readonly HashSet<string> s_flags = ["--verbose"];

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, s_flags, out var problem);
        if (line is null || line.Positional.Count != 1)
        {
            error.WriteLine($"robolam intent eval: {(line is null ? problem : "name one evaluation file")}");
            error.WriteLine("usage: " + Usage);
            return ExitCodes.UsageError;
        }

        IReadOnlyList<EvalItem> items;
        try
        {
            items = EvalFile.Read(line.Positional[0]);
        }
        catch (EvalFileException exception)
        {
            error.WriteLine("robolam intent eval: " + exception.Message);
            return ExitCodes.FileError;
        }

        var provider = ProviderChoice.Create(line, out var providerProblem);
        if (provider is null)
        {
            error.WriteLine("robolam intent eval: " + providerProblem);
            return ExitCodes.UsageError;
        }

        try
        {
            return Evaluate(items, provider, line, output, error);
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }
    }

    private static int Evaluate(IReadOnlyList<EvalItem> items, IIntentProvider provider, CommandLine line, TextWriter output, TextWriter error)
    {
        var parser = new IntentParser(provider);
        var domainsFolder = line.Value("--domains");
        var runner = new EvalRunner(parser, name => LoadDomain(name, domainsFolder, items));
        var verbose = line.Has("--verbose");
        try
        {
            if (items.Count > 0)
            {
                // The first command of a process pays for JIT and OnnxRuntime's first run; the figures are for warm commands.
                runner.Run([items[0] with { Context = [] }]);
            }

            var report = runner.Run(items, outcome =>
            {
                if (!outcome.Correct || verbose)
                {
                    var mark = outcome.Correct ? "ok  " : "MISS";
                    output.WriteLine($"{mark} {outcome.Item.Id}: \"{outcome.Item.Utterance}\": {outcome.Explanation}");
                    output.WriteLine($"       frames: {string.Join(" | ", outcome.Result.Frames)}");
                }
            });
            output.WriteLine(report.SummaryLine());
            return ExitCodes.Success;
        }
        catch (WorldFileException exception)
        {
            error.WriteLine("robolam intent eval: " + exception.Message);
            return exception.IsUnreadable ? ExitCodes.FileError : ExitCodes.ConfigurationError;
        }
        catch (DomainUnavailableException exception)
        {
            error.WriteLine("robolam intent eval: " + exception.Message);
            return exception.ExitCode;
        }
        catch (IntentProviderException exception)
        {
            error.WriteLine("robolam intent eval: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }
    }

    private static RoboLam.Pddl.Ast.Domain LoadDomain(string name, string? domainsFolder, IReadOnlyList<EvalItem> items)
    {
        var worldFolder = Path.GetDirectoryName(items[0].WorldPath)!;
        var path = domainsFolder is null ? null : Path.Combine(domainsFolder, name, "domain.pddl");
        var (domain, code, problem) = SessionLoader.LoadDomain(name, path, worldFolder);
        return domain ?? throw new DomainUnavailableException(problem, code);
    }

    /// <summary>A domain an item needs cannot be found or parsed.</summary>
    private sealed class DomainUnavailableException(string message, int exitCode) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }
}
