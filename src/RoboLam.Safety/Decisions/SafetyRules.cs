namespace RoboLam.Safety.Decisions;

/// <summary>The names of the rules that decide; refusals and stop demands carry one, so logs and tests can tell them apart.</summary>
public static class SafetyRules
{
    public const string Allowed = "allowed";
    public const string EmergencyStop = "emergency-stop";
    public const string EmergencyStopDiscrepancy = "e-stop-discrepancy";
    public const string NotReady = "not-ready";
    public const string OperatorStop = "operator-stop";
    public const string Watchdog = "watchdog";
    public const string DeviceFault = "device-fault";
    public const string MotionDeadline = "motion-deadline";
    public const string EnvelopeBreach = "envelope-breach";
    public const string Busy = "busy";
    public const string UnknownCommand = "unknown-command";
    public const string JointCount = "joint-count";
    public const string StartPosition = "start-position";
    public const string JointLimit = "joint-limit";
    public const string JointSpeedLimit = "joint-speed-limit";
    public const string ReducedSpeed = "reduced-speed";
    public const string WorkspaceBounds = "workspace-bounds";
    public const string GripperLimit = "gripper-limit";

    /// <summary>"keep-out:camera-mast".</summary>
    public static string KeepOut(string box) => "keep-out:" + box;

    /// <summary>"interlock:cell-door".</summary>
    public static string Interlock(string rule) => "interlock:" + rule;
}
