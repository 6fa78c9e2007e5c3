namespace RoboLam.Speech.Audio;

/// <summary>For a recorded clip: the audio the voice detector calls speech, utterances joined (a pause at a comma must not split a command).</summary>
public static class SpeechTrimmer
{
    public static short[] Speech(ReadOnlySpan<short> samples, VoiceActivityOptions? options = null)
    {
        var collector = new Collector();
        var detector = new EnergyVoiceDetector(collector, options);
        detector.Process(samples);
        detector.Flush();
        return collector.Samples.ToArray();
    }

    private sealed class Collector : IUtteranceSink
    {
        public List<short> Samples { get; } = [];

        public void Begin()
        {
        }

        public void Audio(ReadOnlySpan<short> samples)
        {
            foreach (var sample in samples)
            {
                Samples.Add(sample);
            }
        }

        public void End()
        {
        }
    }
}
