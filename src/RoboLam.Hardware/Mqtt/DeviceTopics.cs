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
    }

    public string Cell { get; }

    public string Device { get; }

    public string Command => Topic("cmd");

    public string Ack => Topic("ack");

    public string Progress => Topic("progress");

    public string State => Topic("state");

    public string Availability => Topic("availability");

    /// <summary>The filter that matches every device topic of a cell, for the controller's subscription.</summary>
    public static string AllOfCell(string cell) => $"{Root}/{cell}/+/+";

    /// <summary>Splits <c>robolam/{cell}/{device}/{kind}</c>; false for any other topic.</summary>
    public static bool TryParse(string topic, out string cell, out string device, out string kind)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var parts = topic.Split('/');
        var ok = parts.Length == 4 && parts[0] == Root && parts.Skip(1).All(part => part.Length > 0);
        cell = ok ? parts[1] : string.Empty;
        device = ok ? parts[2] : string.Empty;
        kind = ok ? parts[3] : string.Empty;
        return ok;
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
