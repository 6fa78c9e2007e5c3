using RoboLam.Speech.Grammar;

namespace RoboLam.Speech.Tests;

public sealed class CommandGrammarTests
{
    private static readonly HashSet<string> s_dictionary =
        ["pick", "up", "the", "red", "blue", "black", "block", "bin", "put", "on", "in", "stop", "emergency", "robot", "now", "please",
         "yes", "no", "thanks", "do", "it", "correct", "cancel", "wrong", "crate"];

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

    [Fact]
    public void A_command_made_of_word_pairs_the_sentences_used_can_be_said_even_if_its_word_triples_are_new()
    {
        var grammar = CommandGrammar.Build(Language("put the red block in the bin", "pick up the block"), s_dictionary.Contains);

        Assert.True(Accepts(grammar, "pick up the block in the bin"));
        Assert.True(Accepts(grammar, "put the blue block in the bin"));
        Assert.False(Accepts(grammar, "block pick up the bin"));
    }

    [Fact]
    public void A_noun_class_gives_its_in_world_name_its_share_even_where_the_sentences_said_only_a_synonym_and_keeps_the_world_pair()
    {
        var language = new CommandLanguage(
            ["put the red block in the crate", "put the blue block in the black crate"],
            [
                new WordClass("colour", ["red", "blue", "black"], ["black"]),
                new WordClass("noun-bin", ["bin", "crate"], ["bin"]) { InWorldShare = 0.5 },
            ])
        {
            WorldPairs = new HashSet<(string First, string Second)> { ("black", "bin"), ("black", "crate") },
        };

        var grammar = CommandGrammar.Build(language, s_dictionary.Contains);
        var lines = grammar.Fsg.Split('\n').Where(line => line.StartsWith("TRANSITION", StringComparison.Ordinal)).Select(line => line.Split(' ')).ToList();
        double Weight(string word) => lines.Where(parts => parts.Length == 5 && parts[4] == word)
            .Max(parts => double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));

        HashSet<string> StatesAfter(string word) => lines.Where(parts => parts.Length == 5 && parts[4] == word).Select(parts => parts[2]).ToHashSet();
        double BinAfter(string word) => StatesAfter(word).Max(state => lines
            .Where(parts => parts[1] == state && parts.Length == 5 && parts[4] == "bin")
            .Sum(parts => double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(Accepts(grammar, "put the red block in the bin"));
        Assert.True(Accepts(grammar, "put the blue block in the black bin"));
        Assert.True(Weight("bin") > 2 * Weight("crate"), $"bin {Weight("bin")}, crate {Weight("crate")}");
        Assert.True(BinAfter("black") > BinAfter("red"), $"bin after black {BinAfter("black")}, after red {BinAfter("red")}");
    }

    /// <summary>Whether the grammar's network has a path from its start to its final state that says exactly <paramref name="sentence"/>.</summary>
    private static bool Accepts(CommandGrammar grammar, string sentence)
    {
        var transitions = grammar.Fsg.Split('\n')
            .Where(line => line.StartsWith("TRANSITION ", StringComparison.Ordinal))
            .Select(line => line.Split(' '))
            .Select(parts => (From: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), To: int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), Word: parts.Length > 4 ? parts[4] : null))
            .ToList();
        HashSet<int> Closure(IEnumerable<int> states)
        {
            var reached = states.ToHashSet();
            var queue = new Queue<int>(reached);
            while (queue.TryDequeue(out var state))
            {
                foreach (var next in transitions.Where(step => step.From == state && step.Word is null && reached.Add(step.To)))
                {
                    queue.Enqueue(next.To);
                }
            }

            return reached;
        }

        var current = Closure([0]);
        foreach (var word in sentence.Split(' '))
        {
            current = Closure(transitions.Where(step => current.Contains(step.From) && step.Word == word).Select(step => step.To));
        }

        return current.Contains(1);
    }
}
