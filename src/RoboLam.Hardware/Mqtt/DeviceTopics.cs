namespace RoboLam.Hardware.Mqtt;

/// <summary>
/// The five topics of one device under <c>robolam/{cell}/{device}/</c>: <c>cmd</c> (controller → device),
/// <c>ack</c>, <c>progress</c>, <c>state</c> (retained) and <c>availability</c> (retained, with the will).
/// </summary>
public sealed record DeviceTopics
{
    public const string Root = "robolam";

    public DeviceTopics(string cell, string device)
    {
        CheckName(cell, "cell");
        CheckName(device, "device");
        Cell = cell;
        Device = device;

        // Made once: every message of the device names one of them, thousands of times a second on a big line.
        Command = Topic("cmd");
        Ack = Topic("ack");
        Progress = Topic("progress");
        State = Topic("state");
        Availability = Topic("availability");
    }

    public string Cell { get; }

    public string Device { get; }

    public string Command { get; }

    public string Ack { get; }

    public string Progress { get; }

    public string State { get; }

    public string Availability { get; }

    /// <summary>The filter that matches every device topic of a cell, for the controller's subscription.</summary>
    public static string AllOfCell(string cell) => $"{Root}/{cell}/+/+";

    /// <summary>Splits <c>robolam/{cell}/{device}/{kind}</c>; false for any other topic.</summary>
    public static bool TryParse(string topic, out string cell, out string device, out string kind)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cell = device = kind = string.Empty;
        var text = topic.AsSpan();
        if (!text.StartsWith(Root) || text.Length <= Root.Length || text[Root.Length] != '/')
        {
            return false;
        }

        var rest = text[(Root.Length + 1)..];
        var first = rest.IndexOf('/');
        var second = first < 0 ? -1 : rest[(first + 1)..].IndexOf('/') + first + 1;
        if (first <= 0 || second <= first + 1 || second == rest.Length - 1 || rest[(second + 1)..].Contains('/'))
        {
            return false;
        }

        cell = rest[..first].ToString();
        device = rest[(first + 1)..second].ToString();
        kind = rest[(second + 1)..].ToString();
        return true;
    }

    private string Topic(string kind) => $"{Root}/{Cell}/{Device}/{kind}";

    /// <summary>Names become topic levels, so they may not hold MQTT's separators or wildcards.</summary>
    private static void CheckName(string name, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, what);
        if (name.IndexOfAny(['/', '+', '#', ' ']) >= 0)
        {
            throw new ArgumentException($"the {what} name \"{name}\" may not contain '/', '+', '#' or spaces: it becomes an MQTT topic level", what);
        }
    }
}
