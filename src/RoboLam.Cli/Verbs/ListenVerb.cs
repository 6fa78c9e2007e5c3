using RoboLam.Cli.Intent;
using RoboLam.Cli.Speech;
using RoboLam.Intent;
using RoboLam.Intent.Providers;
using RoboLam.Speech;
using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam listen --wav FILE --world W [--json]</c>: words heard, confidence and goal from a recording;
/// <c>robolam listen --eval FILE.jsonl</c>: the spoken evaluation (see src/RoboLam.Speech/README.md).
/// </summary>
public sealed class ListenVerb : IVerb
{
    public const string Usage = "robolam listen --wav FILE --world W [--domain D] [--context \"earlier command\"]... [--json] [--say] [--profile DIR]";

    private static readonly HashSet<string> s_options = ["--wav", "--world", "--domain", "--context", "--eval", "--voices", "--noise", "--limit", "--voice", "--enrol", "--profile"];

    private static readonly HashSet<string> s_flags = ["--json", "--say", "--verbose"];

    public string Name => "listen";

    public string Summary => "recognise a spoken command in a WAV file (or --eval a spoken test set)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, s_flags, out var problem);
        if (line is not null && line.Value("--eval") is not null)
        {
            return new ListenEvaluation().Run(line, output, error);
        }

        if (line is null || line.Value("--wav") is null || line.Value("--world") is null)
        {
            error.WriteLine($"robolam listen: {(line is null ? problem : line.Value("--wav") is null ? "--wav FILE is required" : "--world FILE is required")}");
            error.WriteLine("usage: " + Usage);
            error.WriteLine("       " + ListenEvaluation.Usage);
            return ExitCodes.UsageError;
        }

        try
        {
            return Listen(line, output, error);
        }
        catch (AudioFormatException exception)
        {
            error.WriteLine("robolam listen: " + exception.Message);
            return exception.IsUnreadable ? ExitCodes.FileError : ExitCodes.ConfigurationError;
        }
        catch (SpeechUnavailableException exception)
        {
            error.WriteLine("robolam listen: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }
    }

    private static int Listen(CommandLine line, TextWriter output, TextWriter error)
    {
        var samples = WavFile.Read(line.Value("--wav")!);
        var (session, code, loadProblem) = SessionLoader.Load(line.Value("--world")!, line.Value("--domain"));
        if (session is null)
        {
            error.WriteLine("robolam listen: " + loadProblem);
            return code;
        }

        using var front = new SpeechFront(profile: line.Value("--profile") is { } profile ? VoiceProfile.Load(profile) : null);
        front.UseWorld(session.World);
        var recognition = front.HearClip(samples);
        using var provider = NeuralIntentProvider.LoadShipped();
        var parser = new IntentParser(provider);
        foreach (var earlier in line.Values("--context"))
        {
            parser.Parse(earlier, session);
        }

        var heard = HeardCommand.Judge(recognition, new ConfidencePolicy(), parser, session);
        heard.Print(output);
        if (line.Has("--say") && heard.Reply is { } reply)
        {
            SpeechSynthesizer.Say(reply, line.Value("--voice") ?? "en-us");
        }

        if (line.Has("--json"))
        {
            output.WriteLine(heard.Json());
        }

        return heard.ExitCode;
    }
}
