using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoboLam.Cli.Operator;

/// <summary>
/// One answer to the operator, as JSON on the reply topic (camelCase, nulls left out). <see cref="Kind"/> is one of
/// <see cref="OperatorReplyKind"/>; <see cref="Final"/> marks the last answer to a request; <see cref="ExitCode"/> is
/// the README's exit code of how it ended (what <c>robolam say</c> exits with).
/// </summary>
internal sealed record OperatorReply(string Kind, string Text)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Words { get; init; }

    public string? GoalId { get; init; }

    public IReadOnlyList<string>? Goal { get; init; }

    public string? Question { get; init; }

    public IReadOnlyList<IReadOnlyList<string>>? Candidates { get; init; }

    public string? Reason { get; init; }

    /// <summary>For progress: the trace kind of the goal event (<c>plan</c>, <c>action-started</c> ...); for the end, the goal's status.</summary>
    public string? Event { get; init; }

    public int? ExitCode { get; init; }

    public bool Final { get; init; }

    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this, s_json);

    /// <summary>Null for a payload that is not a reply.</summary>
    public static OperatorReply? Decode(ReadOnlySpan<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize<OperatorReply>(payload, s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static OperatorReply Failure(string kind, string text, int exitCode) => new(kind, text) { ExitCode = exitCode, Final = true };
}

/// <summary>The kinds of <see cref="OperatorReply"/>.</summary>
internal static class OperatorReplyKind
{
    public const string Accepted = "accepted";
    public const string Question = "question";
    public const string Confirm = "confirm";
    public const string Refused = "refused";
    public const string Progress = "progress";
    public const string Finished = "finished";
    public const string EmergencyStop = "e-stop";
    public const string Reset = "reset";
    public const string Error = "error";
}
