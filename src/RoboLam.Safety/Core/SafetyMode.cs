namespace RoboLam.Safety.Core;

/// <summary>The operating mode; every mode but <see cref="Normal"/> restricts what commands may do.</summary>
public enum SafetyMode
{
    /// <summary>Commands within the envelope and the rules run as they are.</summary>
    Normal,

    /// <summary>Trajectories are slowed to the robot file's reduced-speed scale of each joint limit.</summary>
    ReducedSpeed,

    /// <summary>Every command is refused: an e-stop is latched, an operator asked for a stop, or the inputs are not known yet.</summary>
    Stopped,

    /// <summary>Every command is refused until the fault's cause is gone and an explicit reset arrives.</summary>
    Fault,
}

/// <summary>One reason the controller is stopped or faulted, with the rule it comes from.</summary>
public sealed record SafetyCause(string Rule, string Description)
{
    public override string ToString() => $"{Rule}: {Description}";
}
