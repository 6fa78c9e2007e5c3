using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Tests;

public sealed class PhraseTests
{
    [Theory]
    [InlineData("stop", true)]
    [InlineData("emergency stop", true)]
    [InlineData("robot stop now", true)]
    [InlineData("stop the red block", false)]
    [InlineData("put the block on the table", false)]
    public void Only_phrases_made_of_stop_words_are_stops(string words, bool isStop) =>
        Assert.Equal(isStop, SafetyPhrases.IsStop(words));

    [Fact]
    public void A_stop_is_a_stop_however_unsure_the_recognizer_is()
    {
        var policy = new ConfidencePolicy();

        Assert.Equal(HeardKind.Stop, policy.Judge(new RecognitionResult("stop", 0.01, 50, -9, TimeSpan.Zero)));
        Assert.Equal(HeardKind.Rejected, policy.Judge(new RecognitionResult("pick up the red block", 0.01, 50, -9, TimeSpan.Zero)));
        Assert.Equal(HeardKind.Confirm, policy.Judge(new RecognitionResult("pick up the red block", 0.45, 50, -1, TimeSpan.Zero)));
        Assert.Equal(HeardKind.Accepted, policy.Judge(new RecognitionResult("pick up the red block", 0.9, 50, 0, TimeSpan.Zero)));
        Assert.Equal(HeardKind.Nothing, policy.Judge(RecognitionResult.Nothing(TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("yes please", true)]
    [InlineData("no thanks", false)]
    [InlineData("cancel", false)]
    [InlineData("put it down", null)]
    public void Replies_read_as_yes_or_no(string words, bool? answer) => Assert.Equal(answer, Replies.Answer(words));

    [Fact]
    public void Word_errors_count_substitutions_insertions_and_deletions_with_digits_spoken()
    {
        Assert.Equal(0, WordErrors.Count(WordErrors.Spoken("drill part 3"), WordErrors.Spoken("drill part three")));
        Assert.Equal(1, WordErrors.Count(WordErrors.Spoken("put the red block"), WordErrors.Spoken("put the bed block")));
        Assert.Equal(2, WordErrors.Count(WordErrors.Spoken("put the red block"), WordErrors.Spoken("put red block down")));
    }
}
