using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RoboLam.Hardware.Mqtt;

/// <summary>
/// A command on <c>cmd</c>. <see cref="Id"/> is the command id (also sent as MQTT 5 correlation data); the
/// operation <c>stop</c> (no arguments) stops whatever runs and is never refused.
/// </summary>
public sealed record CommandMessage(string Id, string Operation, IReadOnlyList<string> Arguments, double LimitSeconds);

/// <summary>
/// The answer on the command's response topic (<c>ack</c>): accepted, or refused with a <see cref="Code"/>
/// (<c>busy</c>, <c>invalid</c>, <c>faulted</c>) and a reason. <see cref="Duplicate"/>: the id was seen before and
/// nothing new runs; its outcome follows on <c>progress</c> (again, when it had already ended).
/// </summary>
public sealed record AckMessage(string Id, bool Accepted, string? Code = null, string? Reason = null, bool Duplicate = false);

/// <summary>Progress of a command on <c>progress</c>: <see cref="Status"/> is one of <see cref="ProgressStatus"/>.</summary>
public sealed record ProgressMessage(string Id, double Completion, string Status, string? Reason = null);

/// <summary>
/// The device's retained <c>state</c>: its status word (<c>idle</c>, <c>busy</c>, <c>jammed</c>, <c>stopped</c>), the
/// last command it took with its outcome so far, and how many operations it has completed.
/// </summary>
public sealed record StateMessage(string Status, string? Command, string? Outcome, string? Reason, long Operations);

/// <summary>The progress statuses; the last three end a command.</summary>
public static class ProgressStatus
{
    public const string Started = "started";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Stopped = "stopped";

    public static bool IsFinal(string status) => status is Completed or Failed or Stopped;
}

/// <summary>Payload encoding of the protocol: UTF-8 JSON with camelCase names; availability is plain text.</summary>
public static class DeviceMessages
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string StopOperation = "stop";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static byte[] Encode<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Json<T>.Info);

    /// <summary>Null for a payload that is not this message (a device must ignore it, never crash on it).</summary>
    public static T? Decode<T>(ReadOnlySpan<byte> payload)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(payload, Json<T>.Info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The generated serializer of a protocol message (no reflection, far less garbage per message), reflection for
    /// anything else; looked up once per type.
    /// </summary>
    private static class Json<T>
    {
        public static readonly JsonTypeInfo<T> Info =
            DeviceMessageJson.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T> ?? (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T));
    }
}

/// <summary>The protocol's messages with serializers generated at build time, with the same camelCase names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CommandMessage))]
[JsonSerializable(typeof(AckMessage))]
[JsonSerializable(typeof(ProgressMessage))]
[JsonSerializable(typeof(StateMessage))]
internal sealed partial class DeviceMessageJson : JsonSerializerContext;
