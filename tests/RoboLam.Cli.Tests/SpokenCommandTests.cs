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
    /// <summary>
    /// Share of the clips that must give exactly their goal. Measured 16 of these 18 clips (2026-11-26, with randomly
    /// dithered clips and again with repeatable ones, after the
    /// noun classes and the lattice pruning; 9 to 10 before, varying with the order of utterances, as the decoder
    /// carries its cepstral mean over): espeak-ng's formant voices match PocketSphinx's acoustic model poorly (see
    /// src/RoboLam.Speech/README.md); this guards against getting much worse.
    /// </summary>
    private const double RequiredShare = 0.7;

    private static readonly (string Words, string Goal)[] s_commands =
    [
        ("pick up the yellow block", "(holding y1)"),
        ("put the blue block in the left bin", "(in b1 binl)"),
        ("put the green block on the small red block", "(on g1 r1)"),
    ];

    [Fact]
    public void Most_spoken_commands_become_their_goals_in_three_voices_with_and_without_noise_and_none_executes_a_wrong_goal()
    {
        var right = 0;
        var report = new List<string>();
        var wrong = new List<string>();
        foreach (var voice in SpeechSynthesizer.DefaultVoices)
        {
            foreach (var noisy in new[] { false, true })
            {
                foreach (var (words, goal) in s_commands)
                {
                    var session = fixture.Session("tabletop-1");
                    fixture.Front.UseWorld(session.World);
                    var recognition = fixture.Front.HearClip(SpeechSynthesizer.Synthesize(words, voice, noisy ? 15 : null));
                    var heard = HeardCommand.Judge(recognition, new ConfidencePolicy(), fixture.Parser, session);
                    var got = string.Join(' ', heard.Goal.Concat(heard.ProposedGoal)).ToLowerInvariant();
                    right += got == goal ? 1 : 0;
                    var line = $"[{voice}{(noisy ? ", noise" : string.Empty)}] \"{words}\" heard \"{recognition.Words}\" ({recognition.Confidence:F2}) gave '{got}'";
                    report.Add(line);
                    // A wrong goal that is only read back (a next-best hypothesis, or an unsure one) waits for the
                    // operator's "yes"; one that would be executed at once must never be wrong.
                    var executed = string.Join(' ', heard.Goal).ToLowerInvariant();
                    if (executed.Length > 0 && executed != goal)
                    {
                        wrong.Add(line);
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "wrong goals: " + string.Join("; ", wrong));
        Assert.True(right >= RequiredShare * report.Count, $"{right}/{report.Count} right: " + string.Join("; ", report));
    }

    /// <summary>Every voice, clean and under 15 dB pink noise, decoded in one piece (as `listen --wav` does).</summary>
    public static TheoryData<string, bool> StopClips() => new()
    {
        { "en-us", false }, { "en-gb", false }, { "en-us+f3", false },
        { "en-us", true }, { "en-gb", true }, { "en-us+f3", true },
    };

    [Theory]
    [MemberData(nameof(StopClips))]
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
            WavFile.Write(wav, SpeechSynthesizer.Synthesize("put the green block on the small red block", "en-us"));
            var output = new StringWriter();

            var code = Program.Run(["listen", "--wav", wav, "--world", SpokenCommandFixture.World("tabletop-1"), "--json"], output, new StringWriter());

            var lines = output.ToString().Trim().Split('\n');
            Assert.Equal(ExitCodes.Success, code);
            using var json = JsonDocument.Parse(lines[^1]);
            Assert.Contains("heard: " + json.RootElement.GetProperty("words").GetString(), lines);
            Assert.Equal(["(on g1 r1)"], json.RootElement.GetProperty("goal").EnumerateArray().Select(item => item.GetString()!.ToLowerInvariant()));
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
