using System.Diagnostics;
using RoboLam.Speech.Native;

namespace RoboLam.Speech.Recognition;

/// <summary>
/// PocketSphinx with a finite-state command grammar, plus a free loop over the same words on the same audio for the
/// confidence score (PocketSphinx's own phone loop would be the textbook choice, but in this version it decodes
/// 20 times slower than real time).
/// Audio is 16 kHz mono 16-bit. Feed an utterance in pieces as it arrives (<see cref="Start"/>, <see cref="Feed"/>,
/// <see cref="Finish"/>) so that little work is left when speech ends, or all at once with <see cref="Recognize"/>.
/// Not thread-safe: one utterance at a time.
/// </summary>
public sealed class SpeechRecognizer : IDisposable
{
    public const int SampleRate = 16000;

    private const string GrammarSearch = "commands";

    /// <summary>Pruning that keeps decoding of a large command grammar fast (PocketSphinx's defaults are for small grammars).</summary>
    private static readonly string[] s_defaultTuning = [];

    private static IReadOnlyList<string> DefaultTuning => s_defaultTuning;

    private readonly Decoder _grammar;
    private readonly Decoder _loop;
    private readonly double _confidenceScale;
    private readonly Stopwatch _decodeClock = new();
    private readonly float _languageWeight;
    private bool _inUtterance;
    private bool _hasGrammar;

    /// <param name="model">The acoustic model (<see cref="AcousticModel.Find"/>).</param>
    /// <param name="confidenceScale">How far (acoustic score per frame, as PocketSphinx reports it) the grammar may fall below the free loop before the confidence falls to 1/e.</param>
    /// <param name="languageWeight">How much the grammar's weights count against the acoustics.</param>
    public SpeechRecognizer(AcousticModel model, double confidenceScale = 2, float languageWeight = 6.5f)
    {
        ArgumentNullException.ThrowIfNull(model);
        _confidenceScale = confidenceScale;
        _languageWeight = languageWeight;
        // ROBOLAM_SPEECH_ARGS adds PocketSphinx options ("-beam 1e-40 -maxhmmpf 3000") for tuning without a rebuild.
        var tuning = Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_ARGS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        string[] common = ["-hmm", model.AcousticFolder, "-dict", model.DictionaryPath, "-logfn", "/dev/null", .. DefaultTuning, .. tuning];
        _grammar = new Decoder(common);
        try
        {
            _loop = new Decoder(common);
        }
        catch
        {
            _grammar.Dispose();
            _loop?.Dispose();
            throw;
        }
    }

    /// <summary>Whether the pronunciation dictionary has <paramref name="word"/>; a grammar may only use such words.</summary>
    public bool Knows(string word) => _grammar.Knows(word);

    /// <summary>Sets or replaces the grammar (a new world gives a new one); takes effect at the next utterance.</summary>
    public void UseGrammar(Grammar.CommandGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        if (_inUtterance)
        {
            throw new InvalidOperationException("the grammar cannot change during an utterance");
        }

        _grammar.UseFiniteStateGrammar(GrammarSearch, grammar.Fsg, _languageWeight);
        _loop.UseFiniteStateGrammar(GrammarSearch, grammar.WordLoopFsg, 1);
        _hasGrammar = true;
    }

    public void Start()
    {
        if (!_hasGrammar)
        {
            throw new InvalidOperationException("give the recognizer a grammar (UseGrammar) before the first utterance");
        }

        _decodeClock.Reset();
        _decodeClock.Start();
        _grammar.Start();
        _loop.Start();
        _inUtterance = true;
        _decodeClock.Stop();
    }

    public void Feed(ReadOnlySpan<short> samples)
    {
        _decodeClock.Start();
        _grammar.Process(samples);
        _loop.Process(samples);
        _decodeClock.Stop();
    }

    public RecognitionResult Finish()
    {
        _decodeClock.Start();
        _inUtterance = false;
        _grammar.End();
        _loop.End();
        var (words, _) = _grammar.Hypothesis();
        var frames = _grammar.Frames;
        if (words.Length == 0 || frames == 0)
        {
            // No grammar path fits (noise can do that); a stop heard by the free loop must still stop.
            var (loopWords, _) = _loop.Hypothesis();
            _decodeClock.Stop();
            return Grammar.SafetyPhrases.IsStop(loopWords)
                ? new RecognitionResult(loopWords, 0, frames, 0, _decodeClock.Elapsed)
                : RecognitionResult.Nothing(_decodeClock.Elapsed);
        }

        // The free loop finds the words that fit the sound best in any order; how far the grammar's sentence falls
        // short of it acoustically, per frame, says whether the audio really is one of the grammar's sentences.
        var perFrame = (double)(_grammar.AcousticScore() - _loop.AcousticScore()) / frames;
        _decodeClock.Stop();
        var confidence = Math.Clamp(Math.Exp(Math.Min(0, perFrame) / _confidenceScale), 0, 1);
        return new RecognitionResult(words, confidence, frames, perFrame, _decodeClock.Elapsed);
    }

    public RecognitionResult Recognize(ReadOnlySpan<short> samples)
    {
        Start();
        Feed(samples);
        return Finish();
    }

    public void Dispose()
    {
        _grammar.Dispose();
        _loop.Dispose();
    }
}
