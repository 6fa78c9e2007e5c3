namespace RoboLam.Cli;

/// <summary>Exit codes in blocks: 0 ok, 1x no plan, 2x resource limits, 3x input errors, 4x safety stop.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug in RoboLam: reported in one line, never as a stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>The task is proved unsolvable (search space exhausted, or the goal is relaxed-unreachable).</summary>
    public const int Unsolvable = 10;

    /// <summary>A plan was found or given but the validator rejected it.</summary>
    public const int InvalidPlan = 11;

    /// <summary>
    /// Plans were found but the goal was not reached: the sensed world kept differing, or a device failed, refused
    /// or went offline, within the allowed replans.
    /// </summary>
    public const int ExecutionFailed = 12;

    /// <summary>A scenario ran as expected but missed a figure it promises (e.g. its makespan share).</summary>
    public const int ExpectationMissed = 13;

    public const int TimeLimit = 20;

    public const int MemoryLimit = 21;

    /// <summary>Wrong arguments on the command line.</summary>
    public const int UsageError = 30;

    /// <summary>A file named on the command line cannot be read.</summary>
    public const int FileError = 31;

    /// <summary>PDDL with syntax or semantic errors.</summary>
    public const int PddlError = 32;

    /// <summary>A plan file that does not parse or names unknown actions or objects.</summary>
    public const int PlanFileError = 33;

    /// <summary>A robot, world or scenario file with errors.</summary>
    public const int ConfigurationError = 34;

    /// <summary>A command in words that was refused (unknown object or action, or asks to weaken safety).</summary>
    public const int CommandRefused = 35;

    /// <summary>A command in words that is ambiguous: the question is printed and nothing acts.</summary>
    public const int ClarificationNeeded = 36;

    /// <summary>An emergency stop latched during the run.</summary>
    public const int EmergencyStop = 40;

    /// <summary>A safety interlock or envelope refused a command.</summary>
    public const int SafetyRefused = 41;

    /// <summary>A safety fault (watchdog, dual-channel discrepancy) stopped the run.</summary>
    public const int SafetyFault = 42;
}
