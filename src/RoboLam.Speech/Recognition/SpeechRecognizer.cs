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

    /// <summary>How many lattice paths the n-best search may look at (most differ only in silences and fillers).</summary>
    private const int NBestSteps = 60;

    /// <summary>How long (10 ms frames) a stop must stay the hypothesis while audio arrives before it counts.</summary>
    private const int StopHoldFrames = 25;

    /// <summary>
    /// Pruning that keeps the n-best search affordable on a large command grammar. PocketSphinx builds the lattice
    /// from every word exit it kept, at a cost that grows with exits times the grammar's arcs, so a word-exit beam
    /// of 1e-24 (default 7e-29) and no alternative pronunciations (espeak-ng and most speakers use the first) took
    /// it from 400-1,000 ms to about 100-200 ms, with no loss of goal accuracy on the first 15 dev items.
    /// </summary>
    private static readonly string[] s_defaultTuning = ["-wbeam", "1e-24", "-fsgusealtpron", "no"];

    private static IReadOnlyList<string> DefaultTuning => s_defaultTuning;

    private readonly Decoder _grammar;
    private readonly Decoder _loop;
    private readonly double _confidenceScale;
    private readonly Stopwatch _decodeClock = new();
    private readonly float _languageWeight;
    private readonly int _alternatives;
    private bool _inUtterance;
    private int _utterance;
    private int _stopSince = -1;
    private bool _hasGrammar;

    /// <param name="model">The acoustic model (<see cref="AcousticModel.Find"/>).</param>
    /// <param name="confidenceScale">How far (acoustic score per frame, as PocketSphinx reports it) the grammar may fall below the free loop before the confidence falls to 1/e.</param>
    /// <param name="languageWeight">How much the grammar's weights count against the acoustics.</param>
    /// <param name="alternatives">How many next-best word sequences to report with each result (0: none, and no n-best search).</param>
    public SpeechRecognizer(AcousticModel model, double confidenceScale = 2, float languageWeight = 6.5f, int alternatives = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alternatives);
        _alternatives = alternatives;
        ArgumentNullException.ThrowIfNull(model);
        _confidenceScale = confidenceScale;
        _languageWeight = languageWeight;
        // ROBOLAM_SPEECH_ARGS adds PocketSphinx options ("-beam 1e-40 -maxhmmpf 3000") for tuning without a rebuild.
        var tuning = Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_ARGS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        string[] common = ["-hmm", model.AcousticFolder, "-dict", model.DictionaryPath, "-logfn", "/dev/null", .. Tuning(DefaultTuning, tuning)];
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

    /// <summary>
    /// The default options (name, value pairs) with <paramref name="extra"/> after them; a default that
    /// <paramref name="extra"/> names again is left out, because PocketSphinx refuses an option given twice.
    /// </summary>
    internal static IReadOnlyList<string> Tuning(IReadOnlyList<string> defaults, IReadOnlyList<string> extra) =>
        [.. defaults.Chunk(2).Where(pair => !extra.Contains(pair[0])).SelectMany(pair => pair), .. extra];

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
        _stopSince = -1;
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
        _utterance++;
        _grammar.End();
        _loop.End();
        var (words, _) = _grammar.Hypothesis();
        var (loopWords, _) = _loop.Hypothesis();
        var frames = _grammar.Frames;
        if (words.Length == 0 || frames == 0 || (Grammar.SafetyPhrases.IsStop(loopWords) && !Grammar.SafetyPhrases.IsStop(words)))
        {
            // No grammar path fits (noise can do that), or the grammar forced a stop into some command ("fill it")
            // while the free loop heard only stop words: a stop must still stop (a false stop is safe, a missed one not).
            _decodeClock.Stop();
            return Grammar.SafetyPhrases.IsStop(loopWords)
                ? new RecognitionResult(loopWords, 0, frames, 0, _decodeClock.Elapsed)
                : RecognitionResult.Nothing(_decodeClock.Elapsed);
        }

        // The free loop finds the words that fit the sound best in any order; how far the grammar's sentence falls
        // short of it acoustically, per frame, says whether the audio really is one of the grammar's sentences.
        var loopScore = _loop.AcousticScore();
        var perFrame = (double)(_grammar.AcousticScore() - loopScore) / frames;
        _decodeClock.Stop();
        var utterance = _utterance;
        return new RecognitionResult(words, Confidence(perFrame), frames, perFrame, _decodeClock.Elapsed)
        {
            NextBest = _alternatives > 0 ? () => AlternativesOf(utterance, words, loopScore, frames) : null,
        };
    }

    /// <summary>
    /// Whether the words heard so far in this utterance have been a stop phrase (by the grammar or the free loop) for
    /// the last quarter second of audio: checked while audio arrives, so that a stop need not wait for the quiet that
    /// ends the utterance (under steady noise that quiet may be long in coming). The hold keeps the first syllable of
    /// "stack the ..." from stopping the robot.
    /// </summary>
    public bool StopHeardSoFar()
    {
        if (!_inUtterance)
        {
            return false;
        }

        _decodeClock.Start();
        var stop = Grammar.SafetyPhrases.IsStop(_grammar.Hypothesis().Words) || Grammar.SafetyPhrases.IsStop(_loop.Hypothesis().Words);
        var frame = _grammar.Frames;
        _decodeClock.Stop();
        if (!stop)
        {
            _stopSince = -1;
            return false;
        }

        _stopSince = _stopSince < 0 ? frame : _stopSince;
        return frame - _stopSince >= StopHoldFrames;
    }

    /// <summary>
    /// The n-best search is costly on a large grammar (tens of milliseconds), so it runs only when asked, and only
    /// while the decoder still holds that utterance (until the next <see cref="Start"/>).
    /// </summary>
    private IReadOnlyList<Alternative> AlternativesOf(int utterance, string best, long loopScore, int frames)
    {
        if (utterance != _utterance || _inUtterance)
        {
            return [];
        }

        var alternatives = new List<Alternative>(_alternatives);
        foreach (var (other, acoustic) in _grammar.NBest(_alternatives + 1, NBestSteps))
        {
            if (other != best && alternatives.Count < _alternatives)
            {
                alternatives.Add(new Alternative(other, Confidence((double)(acoustic - loopScore) / frames)));
            }
        }

        return alternatives;
    }

    private double Confidence(double perFrame) => Math.Clamp(Math.Exp(Math.Min(0, perFrame) / _confidenceScale), 0, 1);

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
