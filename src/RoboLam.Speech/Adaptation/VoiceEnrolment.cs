using System.Diagnostics;
using System.Globalization;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Adaptation;

/// <summary>
/// Speaker adaptation by MLLR, the textbook recipe for a few minutes of speech: sphinxtrain's <c>bw</c> aligns the
/// operator's prompts to the model and collects statistics, <c>mllr_solve</c> finds the one affine transform of the
/// Gaussian means (per feature stream) that fits them best, and the recognizer applies it when decoding. A single
/// global transform has few parameters (3 x 13 x 14), so tens of prompts are enough; it moves every Gaussian, not
/// only those the prompts happened to use.
/// </summary>
public static class VoiceEnrolment
{
    public const int DefaultPasses = 1;

    /// <summary>Solves a voice profile from <paramref name="clips"/> into <paramref name="profileFolder"/> (made if missing).</summary>
    /// <param name="passes">Alignment and solve rounds; each after the first aligns with the transform before.</param>
    public static EnrolmentReport Enrol(AcousticModel model, IReadOnlyList<EnrolmentClip> clips, string profileFolder, int passes = DefaultPasses)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passes);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0)
        {
            throw new SpeechUnavailableException("speech: enrolment needs at least one recorded prompt");
        }

        var clock = Stopwatch.StartNew();
        var bw = SphinxTrainTools.Bw;
        var mllrSolve = SphinxTrainTools.MllrSolve;
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
            Directory.CreateDirectory(profileFolder);
            var profile = new VoiceProfile(profileFolder);
            var aligned = 0;
            for (var pass = 1; pass <= passes; pass++)
            {
                // A later pass aligns with the means the last transform adapted, so the statistics (and the next
                // transform, still solved against the original means) come from a better alignment.
                var counts = Directory.CreateDirectory(Path.Combine(work.FullName, $"counts{pass}")).FullName;
                string[] adapted = pass > 1 ? ["-mllrmat", profile.TransformPath] : [];
                var log = SphinxTrainTools.Run(bw, [
                    "-moddeffn", training.TextModelDefinition, "-mixwfn", training.MixtureWeights,
                    "-meanfn", Path.Combine(model.AcousticFolder, "means"), "-varfn", Path.Combine(model.AcousticFolder, "variances"),
                    "-tmatfn", Path.Combine(model.AcousticFolder, "transition_matrices"),
                    .. parameters.TrainingArguments, "-cmn", "current", "-agc", "none", .. adapted,
                    "-dictfn", model.DictionaryPath, "-fdictfn", Path.Combine(model.AcousticFolder, "noisedict"),
                    "-ctlfn", fileIds, "-lsnfn", transcription, "-cepdir", work.FullName, "-accumdir", counts]);
                // bw skips a prompt it cannot align to its words (a misread prompt, a clipped recording) with "... ignored".
                aligned = clips.Count - log.Split('\n').Count(line => line.EndsWith(" ignored", StringComparison.Ordinal));
                if (aligned == 0)
                {
                    throw new SpeechUnavailableException(
                        $"speech: none of the {clips.Count} enrolment recordings matched its prompt; check that each recording says its prompt's words");
                }

                SphinxTrainTools.Run(mllrSolve, [
                    "-meanfn", Path.Combine(model.AcousticFolder, "means"), "-varfn", Path.Combine(model.AcousticFolder, "variances"),
                    "-outmllrfn", profile.TransformPath, "-accumdir", counts]);
            }

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
