using RoboLam.Speech.Audio;
using RoboLam.Speech.Grammar;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Listening;

/// <summary>
/// The live loop: audio → voice detector → recognizer, utterance by utterance. A stop phrase goes to
/// <see cref="VoiceLoopOptions.EmergencyStop"/> at once, on the audio thread, before anything else and whatever the
/// confidence or the wake word; everything else that was addressed to the robot goes to
/// <see cref="VoiceLoopOptions.Heard"/> with the policy's verdict.
/// </summary>
public sealed class VoiceLoop : IUtteranceSink
{
    private readonly SpeechRecognizer _recognizer;
    private readonly VoiceLoopOptions _options;
    private readonly EnergyVoiceDetector _detector;
    private bool _armedAtStart;
    private bool _stoppedEarly;

    public VoiceLoop(SpeechRecognizer recognizer, VoiceLoopOptions options)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _detector = new EnergyVoiceDetector(this, options.VoiceActivity);
    }

    /// <summary>Push-to-talk: set by the talk key; the next utterance is taken as a command and the key released.</summary>
    public bool Armed { get; set; }

    /// <summary>Reads <paramref name="source"/> to its end or until cancelled.</summary>
    public void Run(IAudioSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new short[1600];
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = source.Read(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            _detector.Process(buffer.AsSpan(0, read));
        }

        _detector.Flush();
    }

    void IUtteranceSink.Begin()
    {
        _armedAtStart = Armed;
        _stoppedEarly = false;
        _recognizer.Start();
        _options.SpeechStarted?.Invoke();
    }

    void IUtteranceSink.Audio(ReadOnlySpan<short> samples)
    {
        _recognizer.Feed(samples);
        if (!_stoppedEarly && _recognizer.StopHeardSoFar())
        {
            // A stop does not wait for the quiet that ends the utterance; the rest of it is not acted on.
            _stoppedEarly = true;
            _options.EmergencyStop(new RecognitionResult("stop", 0, 0, 0, TimeSpan.Zero));
        }
    }

    void IUtteranceSink.End()
    {
        var recognition = _recognizer.Finish();
        if (_stoppedEarly)
        {
            return;
        }

        var verdict = _options.Policy.Judge(recognition);
        if (verdict == HeardKind.Stop)
        {
            _options.EmergencyStop(recognition);
            return;
        }

        if (!Addressed(recognition))
        {
            _options.Ignored?.Invoke(recognition);
            return;
        }

        Armed = false;
        _options.Heard(recognition with { Words = WithoutWakeWord(recognition.Words) }, verdict);
    }

    /// <summary>Speech not meant for the robot: no talk key pressed, or no wake word in front.</summary>
    private bool Addressed(RecognitionResult recognition)
    {
        if (recognition.IsEmpty)
        {
            return false;
        }

        if (_options.PushToTalk)
        {
            return _armedAtStart || Armed;
        }

        return _options.WakeWord is null
            || recognition.Words.StartsWith(_options.WakeWord + " ", StringComparison.Ordinal)
            || Replies.Answer(recognition.Words) is not null;
    }

    private string WithoutWakeWord(string words) =>
        _options.WakeWord is { } wake && words.StartsWith(wake + " ", StringComparison.Ordinal) ? words[(wake.Length + 1)..] : words;
}
