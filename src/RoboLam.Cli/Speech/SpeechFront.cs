using System.Diagnostics;
using RoboLam.Intent.Worlds;
using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Speech;

/// <summary>The recognizer with the grammar of the current world: a new world makes a new grammar.</summary>
internal sealed class SpeechFront : IDisposable
{
    /// <summary>How many next-best hypotheses the recognizer hands over for <see cref="GroundedAlternative"/>.</summary>
    public const int Alternatives = 8;

    private readonly SpeechRecognizer _recognizer;
    private readonly string? _wakeWord;
    private World? _world;

    /// <param name="wakeWord">A word that must begin every command, or none.</param>
    /// <param name="profile">An operator's enrolled voice, whose adapted model replaces the packaged one.</param>
    public SpeechFront(string? wakeWord = null, VoiceProfile? profile = null)
    {
        // ROBOLAM_SPEECH_NBEST=N changes how many alternatives are asked for (0: none), for experiments.
        var alternatives = int.TryParse(Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_NBEST"), out var asked) ? asked : Alternatives;
        var model = AcousticModel.Find();
        _recognizer = new SpeechRecognizer(profile?.ModelFor(model) ?? model, alternatives: alternatives);
        _wakeWord = wakeWord;
    }

    public CommandGrammar? Grammar { get; private set; }

    public TimeSpan GrammarTime { get; private set; }

    public SpeechRecognizer Recognizer => _recognizer;

    /// <summary>Builds and loads the grammar for <paramref name="world"/> unless it is the one already loaded.</summary>
    public void UseWorld(World world)
    {
        if (ReferenceEquals(world, _world))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        // ROBOLAM_SPEECH_ORDER=2 gives a looser, faster bigram grammar (for experiments); the trigram is the default.
        var order = int.TryParse(Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_ORDER"), out var chosen) ? chosen : 3;
        Grammar = CommandGrammar.Build(SpokenLanguage.For(world), _recognizer.Knows, _wakeWord, order);
        if (Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump, Grammar.Fsg);
        }
        _recognizer.UseGrammar(Grammar);
        GrammarTime = clock.Elapsed;
        _world = world;
    }

    /// <summary>A recorded clip: the speech in it, recognised as one utterance.</summary>
    public RecognitionResult HearClip(ReadOnlySpan<short> samples)
    {
        return _recognizer.Recognize(SpeechOf(samples));
    }

    /// <summary>The speech the detector finds, or the whole clip when it finds none (a short word under noise can stay below its threshold).</summary>
    public static short[] SpeechOf(ReadOnlySpan<short> samples)
    {
        var speech = SpeechTrimmer.Speech(samples);
        return speech.Length > 0 ? speech : samples.ToArray();
    }

    public void Dispose() => _recognizer.Dispose();
}
