namespace RoboLam.Hardware.Mqtt;

/// <summary>
/// The operator's topics of one cell: commands in words on <c>robolam/{cell}/operator/command</c> (answers on the
/// MQTT 5 response topic the command names, which must lie under <see cref="Replies"/>, or on <see cref="Replies"/>
/// itself), the e-stop on <c>robolam/{cell}/safety/estop</c>, its explicit reset on <c>robolam/{cell}/safety/reset</c>,
/// and the cell's safety status (retained) on <c>robolam/{cell}/safety/status</c>. None of their last levels is a
/// device topic kind, so no device can publish on them.
/// </summary>
public sealed record OperatorTopics
{
    public const string OperatorLevel = "operator";
    public const string SafetyLevel = "safety";

    public OperatorTopics(string cell)
    {
        _ = new DeviceTopics(cell, OperatorLevel); // the same rules for the cell's name
        Cell = cell;
    }

    public string Cell { get; }

    public string Command => $"{DeviceTopics.Root}/{Cell}/{OperatorLevel}/command";

    /// <summary>Answers to commands; a client's own response topic is a level below (<c>.../reply/{client}</c>).</summary>
    public string Replies => $"{DeviceTopics.Root}/{Cell}/{OperatorLevel}/reply";

    public string EmergencyStop => $"{DeviceTopics.Root}/{Cell}/{SafetyLevel}/estop";

    public string Reset => $"{DeviceTopics.Root}/{Cell}/{SafetyLevel}/reset";

    public string Status => $"{DeviceTopics.Root}/{Cell}/{SafetyLevel}/status";

    /// <summary>A response topic the controller may answer on: <see cref="Replies"/> or a topic below it, without wildcards.</summary>
    public bool IsReplyTopic(string topic) =>
        topic is not null
        && (topic == Replies || (topic.StartsWith(Replies + "/", StringComparison.Ordinal) && topic.Length > Replies.Length + 1))
        && topic.IndexOfAny(['+', '#']) < 0;

    /// <summary>What the operator publishes, in any cell (for permissions).</summary>
    internal static bool IsOperatorInput(string topic) =>
        Matches(topic, OperatorLevel, "command") || Matches(topic, SafetyLevel, "estop") || Matches(topic, SafetyLevel, "reset");

    /// <summary>What the controller publishes to the operator, in any cell: answers and the safety status.</summary>
    internal static bool IsOperatorOutput(string topic) =>
        Matches(topic, SafetyLevel, "status") || IsUnderReplies(topic);

    /// <summary>What the operator may read: answers and the safety status of any cell.</summary>
    internal static bool IsOperatorReadable(string filter) =>
        Matches(filter, SafetyLevel, "status") || IsUnderReplies(filter);

    private static bool IsUnderReplies(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length >= 4 && parts[0] == DeviceTopics.Root && parts[1].Length > 0 && parts[1] != "+" && parts[1] != "#"
            && parts[2] == OperatorLevel && parts[3] == "reply" && parts.Skip(4).All(part => part.Length > 0);
    }

    private static bool Matches(string topic, string level, string kind)
    {
        var parts = topic.Split('/');
        return parts.Length == 4 && parts[0] == DeviceTopics.Root && parts[1].Length > 0 && parts[1] is not ("+" or "#") && parts[2] == level && parts[3] == kind;
    }
}
