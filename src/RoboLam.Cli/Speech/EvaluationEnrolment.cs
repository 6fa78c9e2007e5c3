using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Speech;

/// <summary>
/// Enrolment inside the spoken evaluation: the voice under test reads generated prompts (none of the evaluation's
/// utterances), spoken by the same synthesizer and under the same noise as the test clips (an operator enrols where
/// they work), and the voice is then tested on a recognizer with the profile solved from them.
/// </summary>
internal static class EvaluationEnrolment
{
    public static EnrolmentReport Enrol(
        Func<string, bool> knows, string voice, double? noise, IReadOnlyCollection<string> domains, int prompts, IEnumerable<string> excluded, string profileFolder)
    {
        var texts = EnrolmentPrompts.For(domains, prompts, knows, excluded);
        var clips = texts.Select(text => new EnrolmentClip(text, SpeechFront.SpeechOf(SpeechSynthesizer.Synthesize(text, voice, noise)))).ToList();
        return VoiceEnrolment.Enrol(AcousticModel.Find(), clips, profileFolder);
    }
}
