namespace RoboLam.Speech.Adaptation;

/// <summary>
/// Where Debian keeps the tools that enrolment runs: sphinxtrain's <c>bw</c> and <c>map_adapt</c> (not on the PATH, in
/// <c>/usr/lib/sphinxtrain</c>, or <c>ROBOLAM_SPHINXTRAIN_DIR</c>), <c>sphinx_fe</c> (sphinxbase-utils) and
/// <c>pocketsphinx_mdef_convert</c> (pocketsphinx).
/// </summary>
internal static class SphinxTrainTools
{
    public const string Packages = "sphinxtrain sphinxbase-utils pocketsphinx";

    public const string InstallHint = "apt-get install " + Packages;

    private const string DefaultFolder = "/usr/lib/sphinxtrain";

    public static string Bw => Find("bw");

    public static string MapAdapt => Find("map_adapt");

    /// <summary>Runs a tool (a name on the PATH or a full path); a missing one names the packages that bring all of them.</summary>
    public static string Run(string program, IEnumerable<string> arguments) => ExternalTool.RunForLog(program, Packages, arguments);

    /// <summary>A sphinxtrain tool in <paramref name="folder"/> (by default <c>ROBOLAM_SPHINXTRAIN_DIR</c> or Debian's place).</summary>
    internal static string Find(string tool, string? folder = null)
    {
        folder ??= Environment.GetEnvironmentVariable("ROBOLAM_SPHINXTRAIN_DIR") is { Length: > 0 } custom ? custom : DefaultFolder;
        var path = Path.Combine(folder, tool);
        return File.Exists(path)
            ? path
            : throw new SpeechUnavailableException($"speech: voice enrolment needs sphinxtrain's {tool}, which is not in {folder}: {InstallHint}");
    }
}
