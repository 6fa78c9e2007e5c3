using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RoboLam.Intent;
using RoboLam.Speech.Recognition;

namespace RoboLam.Cli.Speech;

/// <summary>One spoken command taken through the confidence policy and, unless it is a stop or too unsure, the intent layer.</summary>
internal sealed record HeardCommand(RecognitionResult Recognition, HeardKind Heard, IntentResult? Intent, TimeSpan IntentTime)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Stops skip the intent layer; a goal from a "confirm" reading is only proposed. When the best hypothesis makes
    /// no sense in the world, a next-best one that does is taken and read back (<see cref="GroundedAlternative"/>).
    /// </summary>
    public static HeardCommand Judge(RecognitionResult recognition, ConfidencePolicy policy, IntentParser parser, IntentSession session) =>
        GroundedAlternative.Choose(Read(recognition, policy.Judge(recognition), parser, session), policy, parser, session);

    /// <summary>The recognizer's best hypothesis when a next-best one was taken instead; null otherwise.</summary>
    public string? FirstHeard { get; init; }

    /// <summary>As <see cref="Judge"/>, with the policy's verdict already given.</summary>
    public static HeardCommand Read(RecognitionResult recognition, HeardKind heard, IntentParser parser, IntentSession session)
    {
        if (heard is not (HeardKind.Accepted or HeardKind.Confirm))
        {
            return new HeardCommand(recognition, heard, null, TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var intent = parser.Parse(recognition.Words, session);
        return new HeardCommand(recognition, heard, intent, clock.Elapsed);
    }

    /// <summary>The goal to act on: only an accepted reading that the intent layer turned into a goal.</summary>
    public IReadOnlyList<string> Goal => Heard == HeardKind.Accepted && Intent?.Kind == IntentKind.Goal
        ? Intent.Goal.Select(fact => fact.ToString()).ToList()
        : [];

    /// <summary>The goal proposed but held until the operator says yes.</summary>
    public IReadOnlyList<string> ProposedGoal => Intent is { Kind: IntentKind.Goal or IntentKind.Confirm } && Goal.Count == 0
        ? Intent.Goal.Select(fact => fact.ToString()).ToList()
        : [];

    /// <summary>What the robot says back, if anything.</summary>
    public string? Reply => Heard switch
    {
        HeardKind.Stop => "stopping",
        HeardKind.Nothing or HeardKind.Rejected => "sorry, I did not catch that; please say it again",
        _ when Intent is null => null,
        _ when Intent.Kind == IntentKind.Clarify => Intent.Question,
        _ when Intent.Kind == IntentKind.Refuse => "I cannot do that: " + Intent.Reason,
        _ when ProposedGoal.Count > 0 => $"did you say: {Recognition.Words}?",
        _ => null,
    };

    public int ExitCode => Heard switch
    {
        HeardKind.Stop => ExitCodes.EmergencyStop,
        HeardKind.Nothing or HeardKind.Rejected => ExitCodes.CommandRefused,
        _ when Goal.Count > 0 => ExitCodes.Success,
        _ when Intent?.Kind == IntentKind.Refuse => ExitCodes.CommandRefused,
        _ => ExitCodes.ClarificationNeeded,
    };

    public void Print(TextWriter output)
    {
        output.WriteLine($"heard: {(Recognition.IsEmpty ? "(nothing)" : Recognition.Words)}");
        if (FirstHeard is not null)
        {
            output.WriteLine($"  (best hypothesis \"{FirstHeard}\" made no sense here; read back first)");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confidence: {Recognition.Confidence:F2} ({Heard.ToString().ToLowerInvariant()})"));
        if (Heard == HeardKind.Stop)
        {
            output.WriteLine("STOP: sent to the safety stop, no planning");
        }

        if (Goal.Count > 0)
        {
            output.WriteLine("goal: " + string.Join(' ', Goal));
        }
        else if (ProposedGoal.Count > 0)
        {
            output.WriteLine("goal (not executed until confirmed): " + string.Join(' ', ProposedGoal));
        }

        if (Reply is { } reply && Heard != HeardKind.Stop)
        {
            output.WriteLine("reply: " + reply);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: decode {Recognition.DecodeTime.TotalMilliseconds:F0} ms, intent {IntentTime.TotalMilliseconds:F0} ms"));
    }

    public string Json() => JsonSerializer.Serialize(
        new
        {
            words = Recognition.Words,
            firstHeard = FirstHeard,
            confidence = Math.Round(Recognition.Confidence, 3),
            scorePerFrame = Math.Round(Recognition.ScorePerFrame, 1),
            heard = Heard.ToString().ToLowerInvariant(),
            stop = Heard == HeardKind.Stop,
            goal = Goal,
            proposedGoal = ProposedGoal,
            kind = Intent?.Kind.ToString().ToLowerInvariant(),
            question = Intent?.Kind == IntentKind.Clarify ? Intent.Question : null,
            reason = Intent?.Reason,
            reply = Reply,
            decodeMs = Math.Round(Recognition.DecodeTime.TotalMilliseconds, 1),
            intentMs = Math.Round(IntentTime.TotalMilliseconds, 1),
        },
        s_json);
}
