using System.Text.Json;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Tests;

/// <summary><c>robolam voice enrol</c>: prompts written for the operator, and the mistakes an operator can make with the recordings.</summary>
public sealed class VoiceEnrolCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robolam-enrol-cli-").FullName;

    [Fact]
    public void Prompts_are_written_for_the_world_as_numbered_text_files()
    {
        var (code, output, _) = CliRun.Robolam("voice", "enrol", "--wav-dir", _folder, "--world", SpokenCommandFixture.World("tabletop-1"), "--prompts", "5");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(5, Directory.GetFiles(_folder, "*.txt").Length);
        Assert.All(Directory.GetFiles(_folder, "*.txt"), file => Assert.True(File.ReadAllText(file).Split(' ').Length >= 4));
        Assert.Contains("robolam voice enrol --profile", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operator_enrols_on_generated_prompts_and_listen_with_the_profile_hears_a_command_as_its_goal()
    {
        var world = SpokenCommandFixture.World("tabletop-1");
        var recordings = Path.Combine(_folder, "recordings");
        var profile = Path.Combine(_folder, "profile");
        Assert.Equal(ExitCodes.Success, CliRun.Robolam("voice", "enrol", "--wav-dir", recordings, "--world", world, "--prompts", "8").Code);
        // The operator reads each prompt: here the female espeak-ng voice, the model's poorest match.
        foreach (var prompt in Directory.GetFiles(recordings, "*.txt"))
        {
            WavFile.Write(Path.ChangeExtension(prompt, ".wav"), SpeechSynthesizer.Synthesize(File.ReadAllText(prompt).Trim(), "en-us+f3"));
        }

        var (code, output, error) = CliRun.Robolam("voice", "enrol", "--profile", profile, "--wav-dir", recordings);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("recordings used", output, StringComparison.Ordinal);
        var command = Path.Combine(_folder, "command.wav");
        WavFile.Write(command, SpeechSynthesizer.Synthesize("put the blue block in the left bin", "en-us+f3"));
        var (listened, heard, _) = CliRun.Robolam("listen", "--wav", command, "--world", world, "--profile", profile, "--json");
        Assert.Equal(ExitCodes.Success, listened);
        using var json = JsonDocument.Parse(heard.Trim().Split('\n')[^1]);
        Assert.Equal(["(in b1 binl)"], json.RootElement.GetProperty("goal").EnumerateArray().Select(item => item.GetString()!.ToLowerInvariant()));
    }

    [Fact]
    public void A_recording_without_its_words_names_the_missing_text_file()
    {
        File.WriteAllBytes(Path.Combine(_folder, "01.wav"), []);

        var (code, _, error) = CliRun.Robolam("voice", "enrol", "--profile", Path.Combine(_folder, "profile"), "--wav-dir", _folder);

        Assert.Equal(ExitCodes.FileError, code);
        Assert.Contains("01.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_recordings_is_a_clear_error_not_an_empty_profile()
    {
        var (code, _, error) = CliRun.Robolam("voice", "enrol", "--profile", Path.Combine(_folder, "profile"), "--wav-dir", _folder);

        Assert.Equal(ExitCodes.FileError, code);
        Assert.Contains("no recordings", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "profile")));
    }

    [Fact]
    public void An_evaluation_enrolled_on_no_prompts_is_a_usage_error()
    {
        var (code, _, error) = CliRun.Robolam("listen", "--eval", "missing.jsonl", "--enrol", "0");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--enrol takes a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_folder_that_was_never_enrolled_is_refused_with_the_command_that_makes_one()
    {
        var (code, _, error) = CliRun.Robolam("listen", "--eval", "missing.jsonl", "--profile", _folder);

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("robolam voice enrol --profile", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
