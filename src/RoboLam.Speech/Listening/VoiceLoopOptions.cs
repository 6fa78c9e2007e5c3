using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Listening;

/// <summary>How the live loop listens and whom it tells.</summary>
public sealed record VoiceLoopOptions
{
    /// <summary>Called at once for "stop" / "emergency stop", bypassing everything else (wire it to the safety stop).</summary>
    public required Action<RecognitionResult> EmergencyStop { get; init; }

    /// <summary>Every other utterance addressed to the robot, with the confidence policy's verdict.</summary>
    public required Action<RecognitionResult, HeardKind> Heard { get; init; }

    /// <summary>Speech that was not addressed to the robot (no wake word, talk key not pressed).</summary>
    public Action<RecognitionResult>? Ignored { get; init; }

    public Action? SpeechStarted { get; init; }

    /// <summary>When set (and not push-to-talk), a command counts only if it begins with this word. Replies to a read-back need not.</summary>
    public string? WakeWord { get; init; }

    /// <summary>Commands count only while <see cref="VoiceLoop.Armed"/> (a talk key); stops always count.</summary>
    public bool PushToTalk { get; init; }

    public ConfidencePolicy Policy { get; init; } = new();

    public VoiceActivityOptions? VoiceActivity { get; init; }
}
