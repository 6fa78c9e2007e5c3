namespace RoboLam.Safety.EmergencyStop;

/// <summary>Where an e-stop request came from; every source latches the same way.</summary>
public enum StopSource
{
    /// <summary>A wired e-stop input (the robot file's emergency-stop channels).</summary>
    Gpio,

    /// <summary>The operator's console (<c>robolam</c> command line).</summary>
    Console,

    /// <summary>An MQTT message, e.g. a wireless e-stop or a line controller.</summary>
    Mqtt,

    /// <summary>The dashboard's stop button.</summary>
    Dashboard,

    /// <summary>A spoken "stop" heard by the voice loop.</summary>
    Voice,
}
