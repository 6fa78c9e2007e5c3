using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Speech;

/// <summary>
/// Enrolment inside the spoken evaluation: the voice under test reads generated prompts (none of the evaluation's
/// utterances), spoken by the same synthesizer and under the same noise as the test clips (an operator enrols where
/// they work), and the profile solved from them is loaded into the recognizer before that voice is tested.
/// </summary>
internal static class EvaluationEnrolment
{
    public static EnrolmentReport Enrol(
        SpeechFront front, string voice, double? noise, IReadOnlyCollection<string> domains, int prompts, IEnumerable<string> excluded, string profileFolder)
    {
        var texts = EnrolmentPrompts.For(domains, prompts, front.Recognizer.Knows, excluded);
        var clips = texts.Select(text => new EnrolmentClip(text, SpeechFront.SpeechOf(SpeechSynthesizer.Synthesize(text, voice, noise)))).ToList();
        // ROBOLAM_SPEECH_ENROL_PASSES=2 re-aligns with the first transform and solves again, for experiments.
        var passes = int.TryParse(Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_ENROL_PASSES"), out var asked) && asked > 0 ? asked : VoiceEnrolment.DefaultPasses;
        var report = VoiceEnrolment.Enrol(AcousticModel.Find(), clips, profileFolder, passes);
        front.Recognizer.UseVoiceProfile(report.Profile);
        return report;
    }
}
