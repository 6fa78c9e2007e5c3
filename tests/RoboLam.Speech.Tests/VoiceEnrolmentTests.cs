using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Speech.Tests;

/// <summary>
/// Enrolment end to end with the real sphinxtrain: the British espeak-ng voice (the model's poorest male match) reads a
/// handful of prompts, bw and map_adapt make its profile (an adapted copy of the model), and the recognizer decodes with it.
/// </summary>
public sealed class VoiceEnrolmentTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private const string Voice = "en-gb";

    /// <summary>What the voice reads to enrol: none of them is a test command below.</summary>
    private static readonly string[] s_prompts =
    [
        "grab the yellow block and put it on the table", "could you please take the blue block off the red block",
        "pick up the green block", "put the yellow block in the bin", "take the red block off the table",
        "put the blue block on the green block please", "what is the weather like", "put it on the yellow block",
    ];

    private static readonly string[] s_tests =
    [
        "pick up the red block", "put the green block in the bin", "put the blue block on the table",
        "take the green block off the red block", "could you please pick up the red block",
    ];

    [Fact]
    public void A_profile_from_eight_prompts_loads_hears_stop_and_does_not_mishear_more_words_than_without_it()
    {
        var folder = Directory.CreateTempSubdirectory("robolam-profile-test-");
        try
        {
            var clips = s_prompts.Select(text => new EnrolmentClip(text, Speech(text))).ToList();

            var report = VoiceEnrolment.Enrol(AcousticModel.Find(), clips, folder.FullName);

            Assert.True(report.Aligned >= 6, $"only {report.Aligned} of {report.Prompts} prompts aligned");
            var profile = VoiceProfile.Load(folder.FullName);
            using var plain = Recognizer(null);
            using var adapted = Recognizer(profile);
            var without = Heard(plain);
            var with = Heard(adapted);
            Assert.True(Errors(with) <= Errors(without), $"{Errors(with)} word errors with the profile ({string.Join(" | ", with)}), {Errors(without)} without");
            Assert.Equal(HeardKind.Stop, new ConfidencePolicy().Judge(adapted.Recognize(Speech("stop"))));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_folder_without_a_transform_is_refused_with_the_command_that_makes_one()
    {
        var problem = Assert.Throws<SpeechUnavailableException>(() => VoiceProfile.Load("/nonexistent/profile"));

        Assert.Contains("robolam voice enrol", problem.Message, StringComparison.Ordinal);
    }

    private static short[] Speech(string text) => SpeechTrimmer.Speech(SpeechSynthesizer.Synthesize(text, Voice));

    /// <summary>The test commands as heard by a fresh <paramref name="recognizer"/> (the cepstral mean it carries over starts alike).</summary>
    private static List<string> Heard(SpeechRecognizer recognizer) => [.. s_tests.Select(text => recognizer.Recognize(Speech(text)).Words)];

    private static int Errors(IReadOnlyList<string> heard) =>
        s_tests.Select((text, index) => Recognition.WordErrors.Count(text.Split(' '), heard[index].Split(' ', StringSplitOptions.RemoveEmptyEntries))).Sum();

    private SpeechRecognizer Recognizer(VoiceProfile? profile)
    {
        var packaged = AcousticModel.Find();
        var recognizer = new SpeechRecognizer(profile?.ModelFor(packaged) ?? packaged);
        recognizer.UseGrammar(fixture.Grammar);
        return recognizer;
    }
}
