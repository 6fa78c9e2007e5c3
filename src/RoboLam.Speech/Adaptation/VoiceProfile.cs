using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Adaptation;

/// <summary>
/// One operator's voice: a folder holding a copy of the acoustic model whose Gaussians enrolment adapted to them
/// (<c>acoustic/</c>: the adapted means and variances, the rest copied from the packaged model) and the prompts it
/// was adapted on. The recognizer loads it in place of the packaged model (<see cref="ModelFor"/>).
/// </summary>
public sealed record VoiceProfile(string Folder)
{
    public const string PromptsFile = "prompts.txt";

    /// <summary>The packaged model's files that adaptation leaves as they are.</summary>
    private static readonly string[] s_unchangedFiles = ["mdef", "feat.params", "noisedict", "transition_matrices", "sendump", "mixture_weights"];

    public string AcousticFolder => Path.Combine(Folder, "acoustic");

    /// <summary>An enrolled profile; a folder without an adapted model names the command that makes one.</summary>
    public static VoiceProfile Load(string folder)
    {
        var profile = new VoiceProfile(folder);
        return File.Exists(Path.Combine(profile.AcousticFolder, "means")) && File.Exists(Path.Combine(profile.AcousticFolder, "variances"))
            ? profile
            : throw new SpeechUnavailableException(
                $"speech: {folder} is not a voice profile (no acoustic/means in it); make one with: robolam voice enrol --profile {folder} --wav-dir RECORDINGS");
    }

    /// <summary>A profile folder with the packaged model's unchanged files, ready for the adapted means and variances.</summary>
    internal static VoiceProfile Create(string folder, AcousticModel packaged)
    {
        var profile = new VoiceProfile(folder);
        Directory.CreateDirectory(profile.AcousticFolder);
        foreach (var file in s_unchangedFiles.Where(file => File.Exists(Path.Combine(packaged.AcousticFolder, file))))
        {
            File.Copy(Path.Combine(packaged.AcousticFolder, file), Path.Combine(profile.AcousticFolder, file), overwrite: true);
        }

        return profile;
    }

    /// <summary>The adapted model with the packaged pronunciation dictionary.</summary>
    public AcousticModel ModelFor(AcousticModel packaged) => new(AcousticFolder, packaged.DictionaryPath);
}
