namespace RoboLam.Speech.Recognition;

/// <summary>
/// Where the US English model of Debian's <c>pocketsphinx-en-us</c> lives: the acoustic model folder, the
/// pronunciation dictionary.
/// </summary>
public sealed record AcousticModel(string AcousticFolder, string DictionaryPath)
{
    /// <summary>Debian's location; <c>ROBOLAM_SPEECH_MODEL</c> names another folder laid out the same way.</summary>
    public const string DefaultFolder = "/usr/share/pocketsphinx/model/en-us";

    public const string InstallHint = "apt-get install pocketsphinx-en-us libpocketsphinx3 libsphinxbase3";

    public static AcousticModel Find()
    {
        var folder = Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_MODEL") is { Length: > 0 } custom ? custom : DefaultFolder;
        var model = new AcousticModel(
            Path.Combine(folder, "en-us"),
            Path.Combine(folder, "cmudict-en-us.dict"));
        if (!Directory.Exists(model.AcousticFolder) || !File.Exists(model.DictionaryPath))
        {
            throw new SpeechUnavailableException(
                $"speech: the PocketSphinx US English model is not in {folder} (expected en-us/ and cmudict-en-us.dict): {InstallHint}");
        }

        return model;
    }
}
