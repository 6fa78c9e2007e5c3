using RoboLam.Speech.Audio;

namespace RoboLam.Speech.Synthesis;

/// <summary>
/// espeak-ng: speaks feedback aloud, and makes test clips (16 kHz mono, resampled with sox, with quiet before and
/// after so that the voice detector sees a noise floor, and optional pink noise made by sox at a given SNR).
/// </summary>
public static class SpeechSynthesizer
{
    /// <summary>Three distinct espeak-ng voices: American male, British male, American female.</summary>
    public static readonly IReadOnlyList<string> DefaultVoices = ["en-us", "en-gb", "en-us+f3"];

    /// <summary>Says <paramref name="text"/> on the default audio output; returns at once.</summary>
    public static void Say(string text, string voice = "en-us")
    {
        var process = ExternalTool.Start("espeak-ng", "espeak-ng", ["-v", voice, text]);
        process.Exited += (_, _) => process.Dispose();
        process.EnableRaisingEvents = true;
    }

    /// <param name="text">The words.</param>
    /// <param name="voice">An espeak-ng voice (<c>espeak-ng --voices=en</c>).</param>
    /// <param name="signalToNoise">When set, pink noise this many dB below the speech is mixed over the whole clip.</param>
    public static short[] Synthesize(string text, string voice, double? signalToNoise = null)
    {
        var folder = Directory.CreateTempSubdirectory("robolam-tts-");
        try
        {
            var raw = Path.Combine(folder.FullName, "raw.wav");
            var clip = Path.Combine(folder.FullName, "clip.wav");
            ExternalTool.Run("espeak-ng", "espeak-ng", ["-v", voice, "-w", raw, text]);
            // -R: sox dithers when it resamples, from a fresh random seed each time unless told otherwise; the same
            // text must give the same clip, or evaluations of one build differ by a few clips from run to run.
            ExternalTool.Run("sox", "sox", ["-R", raw, "-r", "16000", "-c", "1", "-b", "16", clip, "pad", "0.4", "0.6"]);
            var speech = WavFile.Read(clip);
            if (signalToNoise is null)
            {
                return speech;
            }

            var noiseFile = Path.Combine(folder.FullName, "noise.wav");
            var seconds = (speech.Length / 16000.0).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            ExternalTool.Run("sox", "sox", ["-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noiseFile, "synth", seconds, "pinknoise", "vol", "0.3"]);
            return Mix(speech, WavFile.Read(noiseFile), signalToNoise.Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Adds <paramref name="noise"/> scaled so that speech (its loud part) stands <paramref name="signalToNoise"/> dB above it.</summary>
    public static short[] Mix(ReadOnlySpan<short> speech, ReadOnlySpan<short> noise, double signalToNoise)
    {
        var speechPower = Power(speech, onlyLoud: true);
        var noisePower = Math.Max(Power(noise, onlyLoud: false), 1);
        var gain = Math.Sqrt(speechPower / noisePower / Math.Pow(10, signalToNoise / 10));
        var mixed = new short[speech.Length];
        for (var index = 0; index < mixed.Length; index++)
        {
            var value = speech[index] + (gain * (index < noise.Length ? noise[index] : 0));
            mixed[index] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }

        return mixed;
    }

    /// <summary>Mean square; with <paramref name="onlyLoud"/> over the 10 ms frames within 20 dB of the loudest (the speech itself).</summary>
    private static double Power(ReadOnlySpan<short> samples, bool onlyLoud)
    {
        var frames = new List<double>();
        for (var start = 0; start + EnergyVoiceDetector.FrameSamples <= samples.Length; start += EnergyVoiceDetector.FrameSamples)
        {
            double sum = 0;
            foreach (var sample in samples.Slice(start, EnergyVoiceDetector.FrameSamples))
            {
                sum += (double)sample * sample;
            }

            frames.Add(sum / EnergyVoiceDetector.FrameSamples);
        }

        if (frames.Count == 0)
        {
            return 0;
        }

        var loudest = frames.Max();
        var chosen = onlyLoud ? frames.Where(power => power > loudest / 100).ToList() : frames;
        return chosen.Average();
    }
}
