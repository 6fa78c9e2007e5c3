using RoboLam.Speech.Audio;

namespace RoboLam.Speech.Tests;

public sealed class AudioTests
{
    private static short[] Tone(double seconds, double amplitude) =>
        Enumerable.Range(0, (int)(seconds * 16000)).Select(index => (short)(amplitude * Math.Sin(index * 2 * Math.PI * 440 / 16000))).ToArray();

    private static short[] Quiet(double seconds, int seed) =>
        Enumerable.Range(0, (int)(seconds * 16000)).Select(_ => (short)new Random(seed++).Next(-20, 20)).ToArray();

    [Fact]
    public void A_wav_file_round_trips_and_other_formats_are_refused_with_the_sox_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"robolam-test-{Guid.NewGuid():N}.wav");
        try
        {
            short[] samples = [0, 1, -1, short.MaxValue, short.MinValue];
            WavFile.Write(path, samples);
            Assert.Equal(samples, WavFile.Read(path));

            var bytes = File.ReadAllBytes(path);
            BitConverter.GetBytes(44100).CopyTo(bytes, 24);
            var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(bytes, "x.wav"));
            Assert.Contains("sox IN.wav -r 16000 -c 1 -b 16 OUT.wav", error.Message, StringComparison.Ordinal);
            Assert.Throws<AudioFormatException>(() => WavFile.Parse("not a wav file at all"u8.ToArray(), "y.wav"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_detector_cuts_one_utterance_from_quiet_speech_quiet_and_keeps_a_short_pause_inside_it()
    {
        var sink = new CountingSink();
        var detector = new EnergyVoiceDetector(sink);

        detector.Process([.. Quiet(0.5, 1), .. Tone(0.4, 3000), .. Quiet(0.15, 2), .. Tone(0.4, 3000), .. Quiet(0.8, 3)]);
        detector.Flush();

        Assert.Equal(1, sink.Begins);
        Assert.Equal(1, sink.Ends);
        Assert.InRange(sink.Samples, (int)(0.95 * 16000), (int)(1.6 * 16000));
    }

    [Fact]
    public void A_long_pause_makes_two_utterances_and_a_click_makes_none()
    {
        var sink = new CountingSink();
        var detector = new EnergyVoiceDetector(sink);

        detector.Process([.. Quiet(0.5, 1), .. Tone(0.02, 8000), .. Quiet(0.5, 4), .. Tone(0.4, 3000), .. Quiet(1.0, 2), .. Tone(0.4, 3000), .. Quiet(0.8, 3)]);
        detector.Flush();

        Assert.Equal(2, sink.Begins);
        Assert.Equal(2, sink.Ends);
    }

    [Fact]
    public void Trimming_a_silent_clip_leaves_nothing() => Assert.Empty(SpeechTrimmer.Speech(Quiet(2, 7)));

    private sealed class CountingSink : IUtteranceSink
    {
        public int Begins { get; private set; }

        public int Ends { get; private set; }

        public int Samples { get; private set; }

        public void Begin() => Begins++;

        public void Audio(ReadOnlySpan<short> samples) => Samples += samples.Length;

        public void End() => Ends++;
    }
}
