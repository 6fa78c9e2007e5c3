using System.Text.Json;
using RoboLam.Cli.Speech;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Tests;

/// <summary>
/// Spoken commands end to end: espeak-ng speaks them in three voices, clean and under pink noise made by sox (15 dB
/// SNR); PocketSphinx hears them with the world's grammar; the intent layer turns them into goals.
/// </summary>
public sealed class SpokenCommandTests(SpokenCommandFixture fixture) : IClassFixture<SpokenCommandFixture>
{
    private static readonly (string World, string Words, string Goal)[] s_commands =
    [
        ("tabletop-1", "pick up the yellow block", "(holding y1)"),
        ("tabletop-1", "put the blue block in the left bin", "(in b1 binl)"),
        ("tabletop-2", "put the purple block on the orange block", "(on b a)"),
        ("factory-1", "drill part three", "(drilled p3)"),
    ];

    public static TheoryData<string, bool> VoicesAndNoise()
    {
        var data = new TheoryData<string, bool>();
        foreach (var voice in SpeechSynthesizer.DefaultVoices)
        {
            data.Add(voice, false);
            data.Add(voice, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VoicesAndNoise))]
    public void Spoken_commands_become_their_goals(string voice, bool noisy)
    {
        var misses = new List<string>();
        foreach (var (world, words, goal) in s_commands)
        {
            var session = fixture.Session(world);
            fixture.Front.UseWorld(session.World);
            var recognition = fixture.Front.HearClip(SpeechSynthesizer.Synthesize(words, voice, noisy ? 15 : null));
            var heard = HeardCommand.Judge(recognition, new ConfidencePolicy(), fixture.Parser, session);
            var got = string.Join(' ', heard.Goal.Concat(heard.ProposedGoal)).ToLowerInvariant();
            if (got != goal)
            {
                misses.Add($"\"{words}\" heard \"{recognition.Words}\" ({recognition.Confidence:F2}) gave '{got}'");
            }
        }

        Assert.True(misses.Count == 0, string.Join("; ", misses));
    }

    [Theory]
    [MemberData(nameof(VoicesAndNoise))]
    public void A_spoken_stop_goes_to_the_safety_stop_without_the_intent_layer(string voice, bool noisy)
    {
        var session = fixture.Session("tabletop-1");
        fixture.Front.UseWorld(session.World);

        var heard = HeardCommand.Judge(fixture.Front.HearClip(SpeechSynthesizer.Synthesize("stop", voice, noisy ? 15 : null)), new ConfidencePolicy(), fixture.Parser, session);

        Assert.Equal(HeardKind.Stop, heard.Heard);
        Assert.Null(heard.Intent);
        Assert.Equal(ExitCodes.EmergencyStop, heard.ExitCode);
    }

    [Fact]
    public void Listen_prints_the_words_and_the_goal_and_ends_with_one_json_object()
    {
        var wav = Path.Combine(Path.GetTempPath(), $"robolam-listen-{Guid.NewGuid():N}.wav");
        try
        {
            WavFile.Write(wav, SpeechSynthesizer.Synthesize("pick up the yellow block", "en-us"));
            var output = new StringWriter();

            var code = Program.Run(["listen", "--wav", wav, "--world", SpokenCommandFixture.World("tabletop-1"), "--json"], output, new StringWriter());

            var lines = output.ToString().Trim().Split('\n');
            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("heard: pick up the yellow block", lines);
            using var json = JsonDocument.Parse(lines[^1]);
            Assert.Equal("pick up the yellow block", json.RootElement.GetProperty("words").GetString());
            Assert.Equal(["(holding y1)"], json.RootElement.GetProperty("goal").EnumerateArray().Select(item => item.GetString()!.ToLowerInvariant()));
            Assert.InRange(json.RootElement.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public void Listen_names_a_missing_file_and_refuses_the_wrong_sample_rate_with_the_sox_line()
    {
        var wav = Path.Combine(Path.GetTempPath(), $"robolam-listen-{Guid.NewGuid():N}.wav");
        try
        {
            WavFile.Write(wav, new short[1600]);
            var bytes = File.ReadAllBytes(wav);
            BitConverter.GetBytes(44100).CopyTo(bytes, 24);
            File.WriteAllBytes(wav, bytes);
            var missingError = new StringWriter();
            var rateError = new StringWriter();

            var missing = Program.Run(["listen", "--wav", wav + ".nope", "--world", SpokenCommandFixture.World("tabletop-1")], new StringWriter(), missingError);
            var rate = Program.Run(["listen", "--wav", wav, "--world", SpokenCommandFixture.World("tabletop-1")], new StringWriter(), rateError);

            Assert.Equal(ExitCodes.FileError, missing);
            Assert.Contains(".nope", missingError.ToString(), StringComparison.Ordinal);
            Assert.Equal(ExitCodes.ConfigurationError, rate);
            Assert.Contains("sox IN.wav -r 16000 -c 1 -b 16 OUT.wav", rateError.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(wav);
        }
    }
}
