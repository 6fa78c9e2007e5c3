namespace RoboLam.Speech.Adaptation;

/// <summary>
/// One operator's voice: a folder holding the MLLR transform that enrolment solved for them (<c>mllr_matrix</c>),
/// which the recognizer applies to the acoustic model's means, and the prompts it was solved from.
/// </summary>
public sealed record VoiceProfile(string Folder)
{
    public const string TransformFile = "mllr_matrix";

    public const string PromptsFile = "prompts.txt";

    public string TransformPath => Path.Combine(Folder, TransformFile);

    /// <summary>An enrolled profile; a folder without a transform names the command that makes one.</summary>
    public static VoiceProfile Load(string folder)
    {
        var profile = new VoiceProfile(folder);
        return File.Exists(profile.TransformPath)
            ? profile
            : throw new SpeechUnavailableException(
                $"speech: {folder} is not a voice profile (no {TransformFile} in it); make one with: robolam voice enrol --profile {folder} --wav-dir RECORDINGS");
    }
}
