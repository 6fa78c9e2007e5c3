using System.Diagnostics;
using System.Globalization;
using RoboLam.Intent;
using RoboLam.Intent.Providers;

namespace RoboLam.Cli.Intent;

/// <summary><c>robolam intent parse --world W "..."</c>: prints the frames, then the goal, the question or the refusal, and the time.</summary>
internal sealed class ParseCommand
{
    public const string Usage = "robolam intent parse --world FILE [--domain FILE] [--context \"earlier command\"]... " + ProviderChoice.Usage + " \"command\"";

    private static readonly HashSet<string> s_options = ["--world", "--domain", "--context", .. ProviderChoice.Options];

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, new HashSet<string>(), out var problem);
        if (line is null || line.Value("--world") is null || line.Positional.Count == 0)
        {
            error.WriteLine($"robolam intent parse: {(line is null ? problem : line.Value("--world") is null ? "--world FILE is required" : "say the command to read")}");
            error.WriteLine("usage: " + Usage);
            return ExitCodes.UsageError;
        }

        var (session, code, loadProblem) = SessionLoader.Load(line.Value("--world")!, line.Value("--domain"));
        if (session is null)
        {
            error.WriteLine("robolam intent parse: " + loadProblem);
            return code;
        }

        var loading = Stopwatch.StartNew();
        var provider = ProviderChoice.Create(line, out var providerProblem);
        if (provider is null)
        {
            error.WriteLine("robolam intent parse: " + providerProblem);
            return ExitCodes.UsageError;
        }

        try
        {
            var parser = new IntentParser(provider);
            Warm(parser, session);
            var loadTime = loading.Elapsed;
            foreach (var earlier in line.Values("--context"))
            {
                parser.Parse(earlier, session);
            }

            var result = parser.Parse(string.Join(' ', line.Positional), session);
            Print(result, loadTime, output);
            return result.Kind switch
            {
                IntentKind.Goal => ExitCodes.Success,
                IntentKind.Refuse => ExitCodes.CommandRefused,
                _ => ExitCodes.ClarificationNeeded,
            };
        }
        catch (IntentProviderException exception)
        {
            error.WriteLine("robolam intent parse: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }
    }

    /// <summary>One throw-away command on a copy of the session, so that the time printed is a warm one.</summary>
    internal static void Warm(IntentParser parser, IntentSession session)
    {
        parser.Parse("pick up the first one", new IntentSession(session.World, session.Schema.Domain));
    }

    private static void Print(IntentResult result, TimeSpan loadTime, TextWriter output)
    {
        output.WriteLine("frames:");
        if (result.Frames.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        for (var index = 0; index < result.Frames.Count; index++)
        {
            output.WriteLine($"  {index + 1}. {result.Frames[index]}");
        }

        switch (result.Kind)
        {
            case IntentKind.Goal:
                output.WriteLine("goal: " + result.GoalText);
                break;
            case IntentKind.Confirm:
                output.WriteLine("goal (not executed until confirmed): " + result.GoalText);
                output.WriteLine("question: " + result.Question);
                break;
            case IntentKind.Clarify:
                output.WriteLine("question: " + result.Question);
                break;
            default:
                output.WriteLine("refused: " + result.Reason);
                break;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confidence: {result.Confidence:F2}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: {result.Elapsed.TotalMilliseconds:F1} ms ({result.Provider}, warm; loading took {loadTime.TotalMilliseconds:F0} ms)"));
    }
}
