using RoboLam.Sim.Faults;

namespace RoboLam.Sim.Scenarios;

/// <summary>
/// One simulation run as a file in <c>sim/</c>: the robot, the domain, the world, what to achieve (PDDL goal
/// facts or a typed command), the faults and when they strike, and the outcome it must end with.
/// Paths are absolute, resolved against the scenario's folder.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    string SourcePath,
    string RobotPath,
    string DomainPath,
    string WorldJson,
    IReadOnlyList<string> Goal,
    string? Command,
    IReadOnlyList<ScenarioFault> Faults,
    ScenarioExpectation Expect,
    TimeSpan TimeLimit)
{
    /// <summary>The longest a scenario may run in virtual time unless it says otherwise.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The outcome a scenario expects: the exit code, facts that must hold (and must not) in the simulated world at
/// the end, and kinds of trace events that must have happened (e.g. <c>replan</c>, <c>fault</c>).
/// </summary>
public sealed record ScenarioExpectation(int ExitCode, IReadOnlyList<string> Facts, IReadOnlyList<string> AbsentFacts, IReadOnlyList<string> Events);

/// <summary>
/// A fault of a scenario. Without <paramref name="AfterActionStarts"/> its time counts from the start of the run;
/// with it (an action such as <c>(pick g1)</c>) from the moment that action first starts, so the fault hits the
/// same point of the motion however long the controller took to plan.
/// </summary>
public sealed record ScenarioFault(SimulatedFault Fault, string? AfterActionStarts = null);
