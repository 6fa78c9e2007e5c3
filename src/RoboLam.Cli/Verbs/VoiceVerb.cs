using RoboLam.Cli.Intent;
using RoboLam.Cli.Speech;
using RoboLam.Intent;
using RoboLam.Intent.Providers;
using RoboLam.Speech;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Listening;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam voice --world W</c>: the live loop on the microphone (or <c>--wav FILE</c> played as if live). Stops go
/// straight to the safety stop; goals go to an <see cref="IVoiceCommandTarget"/>, which for now prints them.
/// </summary>
public sealed class VoiceVerb : IVerb
{
    public const string Usage = "robolam voice --world W [--domain D] [--wake WORD | --push-to-talk] [--say [--voice V]] [--device ALSA] [--wav FILE]";

    private static readonly HashSet<string> s_options = ["--world", "--domain", "--wake", "--voice", "--device", "--wav"];

    private static readonly HashSet<string> s_flags = ["--push-to-talk", "--say"];

    public string Name => "voice";

    public string Summary => "live voice commands: microphone → words → goal (stop goes straight to the safety stop)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, s_flags, out var problem);
        if (line is null || line.Value("--world") is null || (line.Has("--push-to-talk") && line.Value("--wake") is not null))
        {
            error.WriteLine($"robolam voice: {(line is null ? problem : line.Value("--world") is null ? "--world FILE is required" : "choose --wake or --push-to-talk, not both")}");
            error.WriteLine("usage: " + Usage);
            return ExitCodes.UsageError;
        }

        var (session, code, loadProblem) = SessionLoader.Load(line.Value("--world")!, line.Value("--domain"));
        if (session is null)
        {
            error.WriteLine("robolam voice: " + loadProblem);
            return code;
        }

        try
        {
            return Loop(line, session, output);
        }
        catch (Exception exception) when (exception is SpeechUnavailableException or AudioFormatException)
        {
            error.WriteLine("robolam voice: " + exception.Message);
            return exception is AudioFormatException { IsUnreadable: true } ? ExitCodes.FileError : ExitCodes.ConfigurationError;
        }
    }

    private static int Loop(CommandLine line, IntentSession session, TextWriter output)
    {
        var wake = line.Value("--wake");
        var pushToTalk = line.Has("--push-to-talk");
        using var front = new SpeechFront(wake);
        front.UseWorld(session.World);
        using var provider = NeuralIntentProvider.LoadShipped();
        var conversation = new VoiceSession(
            new IntentParser(provider), session, new PrintingVoiceTarget(output), output, line.Has("--say") ? line.Value("--voice") ?? "en-us" : null);
        var loop = new VoiceLoop(front.Recognizer, new VoiceLoopOptions
        {
            EmergencyStop = conversation.Stop,
            Heard = conversation.Heard,
            Ignored = recognition => output.WriteLine($"(not addressed to the robot: \"{recognition.Words}\")"),
            WakeWord = wake,
            PushToTalk = pushToTalk,
        });
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancel.Cancel();
        };
        var wav = line.Value("--wav");
        using IAudioSource source = wav is null ? new MicrophoneSource(line.Value("--device") ?? "default") : new RecordedSource(WavFile.Read(wav), realTime: true);
        output.WriteLine(wav is null
            ? $"listening on the microphone{(wake is null ? string.Empty : $"; begin commands with \"{wake}\"")}{(pushToTalk ? "; press Enter, then speak" : string.Empty)}; \"stop\" always stops; Ctrl+C ends"
            : $"playing {wav} as if live");
        if (pushToTalk)
        {
            StartTalkKey(loop, cancel.Token, output);
        }

        loop.Run(source, cancel.Token);
        return ExitCodes.Success;
    }

    /// <summary>Enter arms the loop for one command.</summary>
    private static void StartTalkKey(VoiceLoop loop, CancellationToken cancellationToken, TextWriter output)
    {
        var thread = new Thread(() =>
        {
            while (!cancellationToken.IsCancellationRequested && Console.In.ReadLine() is not null)
            {
                loop.Armed = true;
                output.WriteLine("(talk)");
            }
        })
        { IsBackground = true };
        thread.Start();
    }
}
