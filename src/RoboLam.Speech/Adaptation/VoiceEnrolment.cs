using System.Diagnostics;
using System.Globalization;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Adaptation;

/// <summary>
/// Speaker adaptation by MAP (maximum a posteriori, Gauvain and Lee 1994): sphinxtrain's <c>bw</c> aligns the
/// operator's prompts to the model and collects statistics per Gaussian, and <c>map_adapt</c> moves each Gaussian's
/// mean and variance towards the operator's data in proportion to how much of it that Gaussian saw. The model is PTM:
/// 42 codebooks of 128 Gaussians, one per base phone, shared by all of that phone's senones, so a few tens of prompts
/// reach every codebook. The result is a copy of the model with the adapted means and variances (the voice profile).
/// MLLR (one affine transform of all means, <c>mllr_solve</c>) was measured first and gained less (see the README).
/// </summary>
public static class VoiceEnrolment
{
    /// <summary>Solves a voice profile from <paramref name="clips"/> into <paramref name="profileFolder"/> (made if missing).</summary>
    public static EnrolmentReport Enrol(AcousticModel model, IReadOnlyList<EnrolmentClip> clips, string profileFolder)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0)
        {
            throw new SpeechUnavailableException("speech: enrolment needs at least one recorded prompt");
        }

        var clock = Stopwatch.StartNew();
        var bw = SphinxTrainTools.Bw;
        var mapAdapt = SphinxTrainTools.MapAdapt;
        var work = Directory.CreateTempSubdirectory("robolam-enrol-");
        try
        {
            var fileIds = Path.Combine(work.FullName, "prompts.fileids");
            var transcription = Path.Combine(work.FullName, "prompts.transcription");
            WriteCorpus(clips, work.FullName, fileIds, transcription);
            var parameters = FeatureParameters.Read(model.AcousticFolder);
            SphinxTrainTools.Run("sphinx_fe", [
                "-argfile", parameters.Path, "-samprate", "16000", "-c", fileIds, "-di", work.FullName, "-do", work.FullName,
                "-ei", "wav", "-eo", "mfc", "-mswav", "yes"]);
            var training = TrainingModel.Prepare(model, work.FullName);
            var counts = Directory.CreateDirectory(Path.Combine(work.FullName, "counts")).FullName;
            string[] baseline = [
                "-moddeffn", training.TextModelDefinition, "-mixwfn", training.MixtureWeights,
                "-meanfn", Path.Combine(model.AcousticFolder, "means"), "-varfn", Path.Combine(model.AcousticFolder, "variances"),
                "-tmatfn", Path.Combine(model.AcousticFolder, "transition_matrices"), .. parameters.CodebookArguments];
            var log = SphinxTrainTools.Run(bw, [
                .. baseline, .. parameters.FeatureArguments, "-cmn", "current", "-agc", "none",
                "-dictfn", model.DictionaryPath, "-fdictfn", Path.Combine(model.AcousticFolder, "noisedict"),
                "-ctlfn", fileIds, "-lsnfn", transcription, "-cepdir", work.FullName, "-accumdir", counts]);
            // bw skips a prompt it cannot align to its words (a misread prompt, a clipped recording) with "... ignored".
            var aligned = clips.Count - log.Split('\n').Count(line => line.EndsWith(" ignored", StringComparison.Ordinal));
            if (aligned == 0)
            {
                throw new SpeechUnavailableException(
                    $"speech: none of the {clips.Count} enrolment recordings matched its prompt; check that each recording says its prompt's words");
            }

            var profile = VoiceProfile.Create(profileFolder, model);
            // Only means and variances are kept: the mixture weights and transitions stay the packaged ones (the
            // adapted weights made no difference on the dev set and would need 8 MB per profile instead of 2).
            SphinxTrainTools.Run(mapAdapt, [
                .. baseline, "-accumdir", counts,
                "-mapmeanfn", Path.Combine(profile.AcousticFolder, "means"), "-mapvarfn", Path.Combine(profile.AcousticFolder, "variances"),
                "-mapmixwfn", Path.Combine(work.FullName, "mixture_weights.map"), "-maptmatfn", Path.Combine(work.FullName, "transition_matrices.map")]);
            File.WriteAllLines(Path.Combine(profileFolder, VoiceProfile.PromptsFile), clips.Select(clip => clip.Words));
            var seconds = clips.Sum(clip => clip.Samples.Length) / (double)SpeechRecognizer.SampleRate;
            return new EnrolmentReport(profile, clips.Count, aligned, seconds, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>sphinxtrain's corpus: one WAV per prompt, a control file of their names and a transcript of their words.</summary>
    private static void WriteCorpus(IReadOnlyList<EnrolmentClip> clips, string folder, string fileIds, string transcription)
    {
        var ids = new List<string>(clips.Count);
        var lines = new List<string>(clips.Count);
        for (var index = 0; index < clips.Count; index++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"prompt{index:D3}");
            WavFile.Write(Path.Combine(folder, id + ".wav"), clips[index].Samples);
            ids.Add(id);
            lines.Add($"<s> {clips[index].Words.Trim().ToLowerInvariant()} </s> ({id})");
        }

        File.WriteAllLines(fileIds, ids);
        File.WriteAllLines(transcription, lines);
    }
}
