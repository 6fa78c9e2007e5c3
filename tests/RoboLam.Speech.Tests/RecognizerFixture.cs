using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Tests;

/// <summary>One recognizer for the recognition tests (loading the model takes a while), with a small tabletop language.</summary>
public sealed class RecognizerFixture : IDisposable
{
    public RecognizerFixture()
    {
        Recognizer = new SpeechRecognizer(AcousticModel.Find());
        string[] sentences =
        [
            "pick up the red block", "pick up the blue block", "grab the green block", "put the red block on the blue block",
            "put the green block in the bin", "put the blue block on the table", "could you please pick up the red block",
            "put it in the bin", "take the green block off the red block", "what is the weather like",
        ];
        var language = new CommandLanguage(sentences, [new WordClass("colour", ["red", "green", "blue", "yellow"], ["red", "green", "blue"])]);
        Grammar = CommandGrammar.Build(language, Recognizer.Knows);
        Recognizer.UseGrammar(Grammar);
        Streaming = new SpeechRecognizer(AcousticModel.Find(), alternatives: 4);
        Streaming.UseGrammar(Grammar);
    }

    /// <summary>
    /// A second recognizer with the same grammar that also gives next-best hypotheses, for the tests that feed audio
    /// piece by piece: the decoder carries its cepstral mean from one utterance to the next, so these tests do not
    /// share <see cref="Recognizer"/> with the word-for-word ones.
    /// </summary>
    public SpeechRecognizer Streaming { get; }

    public SpeechRecognizer Recognizer { get; }

    public CommandGrammar Grammar { get; }

    public void Dispose()
    {
        Recognizer.Dispose();
        Streaming.Dispose();
    }
}
