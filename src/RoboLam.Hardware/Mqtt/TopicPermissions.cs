namespace RoboLam.Hardware.Mqtt;

/// <summary>
/// Who may publish and subscribe to what. A device logs in with its device name as user name and may publish
/// only its own <c>ack</c>, <c>progress</c>, <c>state</c> and <c>availability</c>, and read only its own <c>cmd</c>.
/// The controller's user may publish any device's <c>cmd</c> and read every topic of the protocol. Anyone else may
/// do nothing. With an <see cref="OperatorUser"/>, the operator may publish commands in words, the e-stop and its
/// reset (<see cref="OperatorTopics"/>) and read the answers and the safety status, which the controller may publish.
/// The embedded broker enforces this; <see cref="MosquittoAcl"/> writes the same rules for Mosquitto.
/// </summary>
public sealed class TopicPermissions(string controllerUser)
{
    private static readonly string[] s_deviceKinds = ["ack", "progress", "state", "availability"];

    public string ControllerUser { get; } = controllerUser;

    /// <summary>The user who commands the cell in words and holds its MQTT e-stop; null: nobody.</summary>
    public string? OperatorUser { get; init; }

    public bool MayPublish(string? user, string topic)
    {
        if (user is not null && OperatorUser is not null && (OperatorTopics.IsOperatorInput(topic) || OperatorTopics.IsOperatorOutput(topic)))
        {
            return user == OperatorUser ? OperatorTopics.IsOperatorInput(topic) : user == ControllerUser && OperatorTopics.IsOperatorOutput(topic);
        }

        if (user is null || !DeviceTopics.TryParse(topic, out _, out var device, out var kind))
        {
            return false;
        }

        return user == ControllerUser ? kind == "cmd" : device == user && s_deviceKinds.Contains(kind);
    }

    /// <summary>Subscriptions are checked on their filter: a device may only name its own cmd topic, with its cell or <c>+</c>.</summary>
    public bool MaySubscribe(string? user, string filter)
    {
        if (user is null)
        {
            return false;
        }

        if (user == ControllerUser)
        {
            return filter.StartsWith(DeviceTopics.Root + "/", StringComparison.Ordinal);
        }

        if (OperatorUser is not null && user == OperatorUser)
        {
            return OperatorTopics.IsOperatorReadable(filter);
        }

        return DeviceTopics.TryParse(filter, out _, out var device, out var kind) && device == user && kind == "cmd";
    }

    /// <summary>The same rules as a Mosquitto <c>acl_file</c> (patterns use <c>%u</c>, the user name).</summary>
    public string MosquittoAcl() =>
        $"""
        user {ControllerUser}
        topic write {DeviceTopics.Root}/+/+/cmd
        topic read {DeviceTopics.Root}/#
        {(OperatorUser is null ? string.Empty : OperatorAcl())}

        pattern read {DeviceTopics.Root}/+/%u/cmd
        pattern write {DeviceTopics.Root}/+/%u/ack
        pattern write {DeviceTopics.Root}/+/%u/progress
        pattern write {DeviceTopics.Root}/+/%u/state
        pattern write {DeviceTopics.Root}/+/%u/availability

        """;

    private string OperatorAcl() =>
        $"""
        topic write {DeviceTopics.Root}/+/{OperatorTopics.OperatorLevel}/reply/#
        topic write {DeviceTopics.Root}/+/{OperatorTopics.SafetyLevel}/status

        user {OperatorUser}
        topic write {DeviceTopics.Root}/+/{OperatorTopics.OperatorLevel}/command
        topic write {DeviceTopics.Root}/+/{OperatorTopics.SafetyLevel}/estop
        topic write {DeviceTopics.Root}/+/{OperatorTopics.SafetyLevel}/reset
        topic read {DeviceTopics.Root}/+/{OperatorTopics.OperatorLevel}/reply/#
        topic read {DeviceTopics.Root}/+/{OperatorTopics.SafetyLevel}/status
        """;
}
