using RoboLam.Speech.Grammar;

namespace RoboLam.Speech.Tests;

public sealed class CommandGrammarTests
{
    private static readonly HashSet<string> s_dictionary =
        ["pick", "up", "the", "red", "blue", "black", "block", "bin", "put", "on", "in", "stop", "emergency", "robot", "now", "please",
         "yes", "no", "thanks", "do", "it", "correct", "cancel", "wrong"];

    private static CommandLanguage Language(params string[] sentences) =>
        new(sentences, [new WordClass("colour", ["red", "blue", "black"], ["black"])])
        {
            WorldPairs = new HashSet<(string First, string Second)> { ("black", "bin") },
        };

    [Fact]
    public void Every_grammar_can_say_stop_and_emergency_stop_from_its_start()
    {
        var grammar = CommandGrammar.Build(Language("pick up the red block"), s_dictionary.Contains);

        Assert.Contains(grammar.Fsg.Split('\n'), line => line.StartsWith("TRANSITION 0 1 ", StringComparison.Ordinal) && line.EndsWith(" stop", StringComparison.Ordinal));
        Assert.Contains(grammar.Fsg.Split('\n'), line => line.StartsWith("TRANSITION 0 ", StringComparison.Ordinal) && line.EndsWith(" emergency", StringComparison.Ordinal));
        Assert.Contains("emergency", grammar.Vocabulary);
    }

    [Fact]
    public void A_class_member_never_seen_in_the_sentences_can_still_be_said_where_the_class_goes()
    {
        var grammar = CommandGrammar.Build(Language("pick up the red block"), s_dictionary.Contains);

        Assert.Contains("blue", grammar.Vocabulary);
        Assert.Contains("black", grammar.Vocabulary);
    }

    [Fact]
    public void Sentences_with_words_the_dictionary_lacks_are_left_out_and_the_words_reported()
    {
        var grammar = CommandGrammar.Build(Language("pick up the red block", "yeet the red block"), s_dictionary.Contains);

        Assert.Equal(["yeet"], grammar.UnknownWords);
        Assert.DoesNotContain("yeet", grammar.Vocabulary);
    }

    [Fact]
    public void A_world_pair_makes_the_noun_likelier_after_its_colour_than_after_another_colour()
    {
        var grammar = CommandGrammar.Build(Language("put the red block in the red bin", "put the blue block on the blue block"), s_dictionary.Contains);
        var lines = grammar.Fsg.Split('\n').Where(line => line.StartsWith("TRANSITION", StringComparison.Ordinal)).Select(line => line.Split(' ')).ToList();
        HashSet<string> StatesAfter(string word) => lines.Where(parts => parts.Length == 5 && parts[4] == word).Select(parts => parts[2]).ToHashSet();
        double BinAfter(IEnumerable<string> states) => states.Max(state => lines
            .Where(parts => parts[1] == state && parts.Length == 5 && parts[4] == "bin")
            .Sum(parts => double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture)));
        var afterBlack = StatesAfter("black");
        var afterRed = StatesAfter("red");

        Assert.Empty(afterBlack.Intersect(afterRed));
        Assert.True(BinAfter(afterBlack) > BinAfter(afterRed), $"bin after black {BinAfter(afterBlack)}, after red {BinAfter(afterRed)}");
    }

    [Fact]
    public void A_wake_word_may_lead_a_command_and_must_be_pronounceable()
    {
        var grammar = CommandGrammar.Build(Language("pick up the red block"), s_dictionary.Contains, wakeWord: "robot");

        Assert.Contains(grammar.Fsg.Split('\n'), line => line.StartsWith("TRANSITION 0 ", StringComparison.Ordinal) && line.EndsWith(" robot", StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => CommandGrammar.Build(Language("pick up the red block"), s_dictionary.Contains, wakeWord: "zorblax"));
        Assert.Contains("zorblax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_are_lower_case_without_punctuation()
    {
        Assert.Equal(["make", "a", "stack", "purple", "on", "orange", "what's"], CommandGrammar.Words("Make a stack: purple on orange, what's"));
    }
}
