using RoboLam.Cli.Intent;
using RoboLam.Cli.Operator;
using RoboLam.Cli.Simulation;
using RoboLam.Cli.Speech;
using RoboLam.Intent;
using RoboLam.Intent.Providers;
using RoboLam.Speech;
using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Listening;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam voice [SCENARIO]</c>: the live loop on the microphone (or <c>--wav FILE</c> played as if live) against the
/// simulated arm of a scenario (<c>sim/stack.json</c> by default): a spoken stop latches Safety's e-stop at once, goals go
/// into the runtime's goal queue (<see cref="VoiceArmTarget"/>). With <c>--world W</c> no arm runs: goals are printed.
/// </summary>
public sealed class VoiceVerb : IVerb
{
    public const string Usage = "robolam voice [sim/SCENARIO.json | --world W [--domain D]] [--profile DIR] [--wake WORD | --push-to-talk] [--say [--voice V]] [--device ALSA] [--wav FILE]";

    private const string DefaultScenario = "sim/stack.json";

    private static readonly HashSet<string> s_options = ["--world", "--domain", "--wake", "--voice", "--device", "--wav", "--profile"];

    private static readonly HashSet<string> s_flags = ["--push-to-talk", "--say"];

    public string Name => "voice";

    public string Summary => "live voice commands to the simulated arm: microphone → words → goal → arm (stop latches the e-stop)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count > 0 && args[0] == "enrol")
        {
            return VoiceEnrolCommand.Run(args.Skip(1).ToList(), output, error);
        }

        var line = CommandLine.Parse(args, s_options, s_flags, out var problem);
        var clash = line is null ? problem
            : line.Has("--push-to-talk") && line.Value("--wake") is not null ? "choose --wake or --push-to-talk, not both"
            : line.Value("--world") is not null && line.Positional.Count > 0 ? "give a scenario (the arm runs) or --world (goals are printed), not both"
            : line.Positional.Count > 1 ? "takes at most one scenario file" : null;
        if (line is null || clash is not null)
        {
            error.WriteLine($"robolam voice: {clash}");
            error.WriteLine("usage: " + Usage);
            error.WriteLine("       " + VoiceEnrolCommand.Usage);
            return ExitCodes.UsageError;
        }

        try
        {
            if (line.Value("--world") is { } worldPath)
            {
                var (session, code, loadProblem) = SessionLoader.Load(worldPath, line.Value("--domain"));
                if (session is null)
                {
                    error.WriteLine("robolam voice: " + loadProblem);
                    return code;
                }

                return PrintOnly(line, session, output);
            }

            return WithArm(line, output, error);
        }
        catch (Exception exception) when (exception is SpeechUnavailableException or AudioFormatException)
        {
            error.WriteLine("robolam voice: " + exception.Message);
            return exception is AudioFormatException { IsUnreadable: true } ? ExitCodes.FileError : ExitCodes.ConfigurationError;
        }
    }

    /// <summary>No arm: what is heard is read into goals and printed (recognition checks).</summary>
    private static int PrintOnly(CommandLine line, IntentSession session, TextWriter output)
    {
        using var front = NewFront(line);
        front.UseWorld(session.World);
        using var provider = NeuralIntentProvider.LoadShipped();
        var conversation = new VoiceSession(new IntentParser(provider), session, new PrintingVoiceTarget(output), output, SpokenVoice(line));
        return Loop(line, front, conversation.Stop, conversation.Heard, output);
    }

    /// <summary>The live simulated arm of the scenario: stops to the e-stop latch, goals to the goal queue.</summary>
    private static int WithArm(CommandLine line, TextWriter output, TextWriter error)
    {
        var scenarioPath = line.Positional.Count == 1 ? line.Positional[0] : BundledFiles.Find(DefaultScenario) ?? DefaultScenario;
        var inputs = ScenarioInputs.Load(scenarioPath, out var exitCode, out var problem);
        if (inputs is null)
        {
            error.WriteLine("robolam voice: " + problem);
            return exitCode;
        }

        using var front = NewFront(line);
        using var cell = LiveArmCell.Start(inputs, output);
        front.UseWorld(cell.StartWorld);
        using var provider = NeuralIntentProvider.LoadShipped();
        var conversation = new LiveVoiceConversation(cell, new IntentParser(provider), new VoiceArmTarget(cell, output), output, SpokenVoice(line));
        output.WriteLine($"the simulated arm of {inputs.Scenario.Name} is ready; table: {string.Join(' ', cell.Arm.World.Facts())}");
        var code = Loop(line, front, conversation.Stop, conversation.Heard, output);
        if (line.Value("--wav") is not null && !cell.WaitForGoals(TimeSpan.FromMinutes(2)))
        {
            output.WriteLine("the arm was still busy 2 minutes after the recording ended; stopping it");
        }

        return code;
    }

    /// <summary>The recognizer, adapted to the operator when <c>--profile</c> names their enrolled voice.</summary>
    private static SpeechFront NewFront(CommandLine line) =>
        new(line.Value("--wake"), line.Value("--profile") is { } folder ? VoiceProfile.Load(folder) : null);

    private static string? SpokenVoice(CommandLine line) => line.Has("--say") ? line.Value("--voice") ?? "en-us" : null;

    private static int Loop(CommandLine line, SpeechFront front, Action<RecognitionResult> stop, Action<RecognitionResult, HeardKind> heard, TextWriter output)
    {
        var wake = line.Value("--wake");
        var pushToTalk = line.Has("--push-to-talk");
        var loop = new VoiceLoop(front.Recognizer, new VoiceLoopOptions
        {
            EmergencyStop = stop,
            Heard = heard,
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
