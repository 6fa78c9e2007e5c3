namespace RoboLam.Speech.Audio;

/// <summary>
/// Cuts a stream of 16 kHz samples into utterances by energy against an adaptive noise floor. Feed any chunk sizes;
/// it reports the start (with pre-roll), the speech audio, and the end through <see cref="IUtteranceSink"/>.
/// </summary>
public sealed class EnergyVoiceDetector
{
    public const int FrameSamples = 160;

    private readonly VoiceActivityOptions _options;
    private readonly IUtteranceSink _sink;
    private readonly short[] _frame = new short[FrameSamples];
    private readonly Queue<short[]> _preRoll = new();
    private readonly List<short[]> _pending = [];
    private int _frameFill;
    private double _floor = double.NaN;
    private int _loud;
    private int _quiet;
    private bool _inSpeech;

    public EnergyVoiceDetector(IUtteranceSink sink, VoiceActivityOptions? options = null)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _options = options ?? new VoiceActivityOptions();
    }

    public bool InSpeech => _inSpeech;

    public double NoiseFloorDecibels => _floor;

    public void Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(FrameSamples - _frameFill, samples.Length);
            samples[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            samples = samples[take..];
            if (_frameFill == FrameSamples)
            {
                _frameFill = 0;
                Frame(_frame.ToArray());
            }
        }
    }

    /// <summary>The stream ended: an utterance still open ends here.</summary>
    public void Flush()
    {
        if (_inSpeech)
        {
            FlushPending();
            _inSpeech = false;
            _sink.End();
        }
    }

    public static double Decibels(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }

        return 10 * Math.Log10((sum / Math.Max(1, frame.Length)) + 1);
    }

    private void Frame(short[] frame)
    {
        var level = Decibels(frame);
        if (double.IsNaN(_floor))
        {
            _floor = level;
        }

        if (!_inSpeech)
        {
            Listen(frame, level);
        }
        else
        {
            Speak(frame, level);
        }
    }

    private void Listen(short[] frame, double level)
    {
        // The floor follows quiet quickly and loudness slowly, so speech does not raise it.
        _floor = level < _floor ? level : _floor + (0.01 * (level - _floor));
        _preRoll.Enqueue(frame);
        while (_preRoll.Count > _options.PreRollFrames + _options.StartFrames)
        {
            _preRoll.Dequeue();
        }

        var loud = level > _floor + _options.StartDecibels && level > _options.MinimumDecibels;
        _loud = loud ? _loud + 1 : 0;
        if (_loud < _options.StartFrames)
        {
            return;
        }

        _inSpeech = true;
        _quiet = 0;
        _sink.Begin();
        _sink.Audio(_preRoll.SelectMany(piece => piece).ToArray());
        _preRoll.Clear();
    }

    private void Speak(short[] frame, double level)
    {
        var quiet = level < _floor + _options.EndDecibels || level < _options.MinimumDecibels;
        if (!quiet)
        {
            FlushPending();
            _quiet = 0;
            _sink.Audio(frame);
            return;
        }

        // Quiet frames are held back until it is clear whether speech goes on (then they are sent) or ends.
        _quiet++;
        _pending.Add(frame);
        if (_quiet < _options.HangoverFrames)
        {
            return;
        }

        // Keep a little of the trailing quiet: the recognizer wants to hear the word end.
        var keep = Math.Min(_pending.Count, 20);
        _sink.Audio(_pending.Take(keep).SelectMany(piece => piece).ToArray());
        _pending.Clear();
        _inSpeech = false;
        _loud = 0;
        _sink.End();
    }

    private void FlushPending()
    {
        if (_pending.Count > 0)
        {
            _sink.Audio(_pending.SelectMany(piece => piece).ToArray());
            _pending.Clear();
        }
    }
}
