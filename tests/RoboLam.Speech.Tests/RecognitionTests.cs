using RoboLam.Speech.Audio;
using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Speech.Tests;

/// <summary>PocketSphinx on espeak-ng speech: three voices, clean and under pink noise (sox) at 15 dB SNR.</summary>
public sealed class RecognitionTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    public static TheoryData<string, bool> VoicesAndNoise()
    {
        var data = new TheoryData<string, bool>();
        foreach (var voice in SpeechSynthesizer.DefaultVoices)
        {
            data.Add(voice, false);
            data.Add(voice, true);
        }

        return data;
    }

    private RecognitionResult Hear(string text, string voice, bool noisy) =>
        fixture.Recognizer.Recognize(SpeechTrimmer.Speech(SpeechSynthesizer.Synthesize(text, voice, noisy ? 15 : null)));

    [Theory]
    [MemberData(nameof(VoicesAndNoise))]
    public void Stop_and_emergency_stop_are_heard_as_stops(string voice, bool noisy)
    {
        var policy = new ConfidencePolicy();

        Assert.Equal(HeardKind.Stop, policy.Judge(Hear("stop", voice, noisy)));
        Assert.Equal(HeardKind.Stop, policy.Judge(Hear("emergency stop", voice, noisy)));
    }

    [Theory]
    [MemberData(nameof(VoicesAndNoise))]
    public void A_command_of_the_grammar_is_heard_word_for_word(string voice, bool noisy)
    {
        var heard = Hear("put the green block in the bin", voice, noisy);

        Assert.Equal("put the green block in the bin", heard.Words);
        Assert.True(heard.Confidence > 0.3, $"confidence {heard.Confidence:F2}");
    }

    [Fact]
    public void A_new_grammar_changes_what_can_be_heard()
    {
        using var recognizer = new SpeechRecognizer(AcousticModel.Find());
        var clip = SpeechTrimmer.Speech(SpeechSynthesizer.Synthesize("pick up the yellow block", "en-us"));
        recognizer.UseGrammar(CommandGrammar.Build(new CommandLanguage(["pick up the red block"], []), recognizer.Knows));
        var before = recognizer.Recognize(clip);

        recognizer.UseGrammar(CommandGrammar.Build(new CommandLanguage(["pick up the yellow block"], []), recognizer.Knows));
        var after = recognizer.Recognize(clip);

        Assert.NotEqual("pick up the yellow block", before.Words);
        Assert.Equal("pick up the yellow block", after.Words);
    }

    [Fact]
    public void Silence_is_heard_as_nothing() =>
        Assert.True(fixture.Recognizer.Recognize(new short[16000]).IsEmpty);

    [Fact]
    public void The_grammar_knows_the_dictionary_words_and_reports_none_missing() =>
        Assert.Empty(fixture.Grammar.UnknownWords);

    [Fact]
    public void Next_best_hypotheses_are_other_sentences_of_the_grammar_each_with_a_confidence()
    {
        var clip = SpeechTrimmer.Speech(SpeechSynthesizer.Synthesize("put the red block on the blue block", "en-gb"));
        fixture.Streaming.Recognize(clip);

        var heard = fixture.Streaming.Recognize(clip);

        Assert.NotEmpty(heard.Alternatives);
        Assert.InRange(heard.Alternatives.Count, 1, 4);
        Assert.DoesNotContain(heard.Alternatives, alternative => alternative.Words == heard.Words);
        Assert.Equal(heard.Alternatives.Count, heard.Alternatives.Select(alternative => alternative.Words).Distinct().Count());
        Assert.All(heard.Alternatives, alternative => Assert.InRange(alternative.Confidence, 0.0, 1.0));
        Assert.All(heard.Alternatives, alternative => Assert.All(alternative.Words.Split(' '), word => Assert.Contains(word, fixture.Grammar.Vocabulary)));
    }

    [Fact]
    public void Alternatives_are_not_computed_for_an_utterance_the_decoder_has_left_behind()
    {
        var clip = SpeechTrimmer.Speech(SpeechSynthesizer.Synthesize("put the red block on the blue block", "en-gb"));
        var first = fixture.Streaming.Recognize(clip);

        fixture.Streaming.Recognize(clip);

        Assert.Empty(first.Alternatives);
    }

    [Theory]
    [MemberData(nameof(VoicesAndNoise))]
    public void A_stop_is_heard_while_audio_still_arrives(string voice, bool noisy)
    {
        // "stop ... stop" with the noise going on: the utterance does not end, the stop must not wait for it to.
        var once = SpeechSynthesizer.Synthesize("stop", voice, noisy ? 15 : null);
        short[] speech = [.. once, .. once];
        var recognizer = fixture.Streaming;
        var heard = false;

        recognizer.Start();
        for (var start = 0; start < speech.Length && !heard; start += 1600)
        {
            recognizer.Feed(speech.AsSpan(start, Math.Min(1600, speech.Length - start)));
            heard = recognizer.StopHeardSoFar();
        }

        var final = recognizer.Finish();
        Assert.True(heard, $"no stop heard while {speech.Length / 16} ms of audio arrived; at the end: \"{final.Words}\"");
    }

    [Fact]
    public void A_command_does_not_stop_while_it_is_said()
    {
        var speech = SpeechSynthesizer.Synthesize("take the green block off the red block", "en-us");
        var recognizer = fixture.Streaming;
        var heard = false;

        recognizer.Start();
        for (var start = 0; start < speech.Length; start += 1600)
        {
            recognizer.Feed(speech.AsSpan(start, Math.Min(1600, speech.Length - start)));
            heard |= recognizer.StopHeardSoFar();
        }

        recognizer.Finish();
        Assert.False(heard);
    }
}
