using System.Globalization;
using RoboLam.Cli.Intent;
using RoboLam.Speech;
using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Speech;

/// <summary>
/// <c>robolam voice enrol</c>: an operator's voice profile. With <c>--world W --prompts N</c> it writes N prompts
/// (NN.txt) into the recording folder for the operator to read aloud (NN.wav); without, it solves the profile from the
/// recordings there, each WAV beside the TXT of its words.
/// </summary>
internal static class VoiceEnrolCommand
{
    public const string Usage = "robolam voice enrol --profile DIR --wav-dir DIR [--world W --prompts N]";

    private static readonly HashSet<string> s_options = ["--profile", "--wav-dir", "--world", "--domain", "--prompts"];

    private static readonly HashSet<string> s_flags = [];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, s_options, s_flags, out var problem);
        var missing = line is null ? problem
            : line.Positional.Count > 0 ? $"unexpected argument \"{line.Positional[0]}\""
            : line.Value("--wav-dir") is null ? "--wav-dir DIR is required (the recordings, or where to write the prompts)"
            : line.Value("--prompts") is null && line.Value("--profile") is null ? "--profile DIR is required (where the voice profile goes)"
            : (line.Value("--prompts") is null) != (line.Value("--world") is null) ? "--prompts N and --world W go together (prompts are written for a world's domain)"
            : null;
        if (line is null || missing is not null)
        {
            error.WriteLine($"robolam voice enrol: {missing}");
            error.WriteLine("usage: " + Usage);
            return ExitCodes.UsageError;
        }

        try
        {
            return line.Value("--prompts") is { } count
                ? WritePrompts(line, count, output, error)
                : Solve(line.Value("--wav-dir")!, line.Value("--profile")!, output, error);
        }
        catch (Exception exception) when (exception is SpeechUnavailableException or AudioFormatException)
        {
            error.WriteLine("robolam voice enrol: " + exception.Message);
            return exception is AudioFormatException { IsUnreadable: true } ? ExitCodes.FileError : ExitCodes.ConfigurationError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The prompt, recording or profile folder cannot be read or written.
            error.WriteLine($"robolam voice enrol: {exception.Message}; check the --wav-dir and --profile folders");
            return ExitCodes.FileError;
        }
    }

    private static int WritePrompts(CommandLine line, string countText, TextWriter output, TextWriter error)
    {
        if (!int.TryParse(countText, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 500)
        {
            error.WriteLine($"robolam voice enrol: --prompts takes a number from 1 to 500 (20 is plenty), not \"{countText}\"");
            return ExitCodes.UsageError;
        }

        var (session, code, loadProblem) = SessionLoader.Load(line.Value("--world")!, line.Value("--domain"));
        if (session is null)
        {
            error.WriteLine("robolam voice enrol: " + loadProblem);
            return code;
        }

        using var recognizer = new SpeechRecognizer(AcousticModel.Find());
        var prompts = EnrolmentPrompts.For([session.World.DomainName], count, recognizer.Knows, []);
        var folder = Directory.CreateDirectory(line.Value("--wav-dir")!).FullName;
        for (var index = 0; index < prompts.Count; index++)
        {
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{index + 1:D2}.txt")), prompts[index] + "\n");
        }

        output.WriteLine($"wrote {prompts.Count} prompts to {folder}: read each NN.txt aloud into NN.wav (16 kHz mono, such as arecord -f S16_LE -r 16000 -c 1 01.wav),");
        output.WriteLine($"then: robolam voice enrol --profile DIR --wav-dir {folder}");
        return ExitCodes.Success;
    }

    private static int Solve(string recordings, string profileFolder, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(recordings))
        {
            error.WriteLine($"robolam voice enrol: {recordings} does not exist; write prompts there first with --world W --prompts 20");
            return ExitCodes.FileError;
        }

        var clips = new List<EnrolmentClip>();
        foreach (var wav in Directory.GetFiles(recordings, "*.wav").Order(StringComparer.Ordinal))
        {
            var words = Path.ChangeExtension(wav, ".txt");
            if (!File.Exists(words))
            {
                error.WriteLine($"robolam voice enrol: {wav} has no {Path.GetFileName(words)} beside it with the words it says");
                return ExitCodes.FileError;
            }

            clips.Add(new EnrolmentClip(string.Join(' ', WordErrors.Spoken(string.Join(' ', File.ReadAllLines(words)))), SpeechFront.SpeechOf(WavFile.Read(wav))));
        }

        using (var recognizer = new SpeechRecognizer(AcousticModel.Find()))
        {
            // The training looks every word up in the pronunciation dictionary; an unknown one would sink the prompt.
            if (clips.SelectMany(clip => WordErrors.Spoken(clip.Words)).FirstOrDefault(word => !recognizer.Knows(word)) is { } unknown)
            {
                error.WriteLine($"robolam voice enrol: \"{unknown}\" (in a .txt of {recordings}) is not in the pronunciation dictionary; reword that prompt");
                return ExitCodes.FileError;
            }
        }

        if (clips.Count == 0)
        {
            error.WriteLine($"robolam voice enrol: no recordings (NN.wav) in {recordings}; write prompts with --world W --prompts 20 and record them");
            return ExitCodes.FileError;
        }

        var report = VoiceEnrolment.Enrol(AcousticModel.Find(), clips, profileFolder);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"voice profile {profileFolder}: {report.Aligned} of {report.Prompts} recordings used ({report.AudioSeconds:F0} s of speech), solved in {report.Elapsed.TotalSeconds:F1} s"));
        if (report.Aligned < report.Prompts)
        {
            output.WriteLine("(a recording that does not say its prompt's words is left out; re-record those for a better profile)");
        }

        return ExitCodes.Success;
    }
}
