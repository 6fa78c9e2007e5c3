using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;

namespace RoboLam.Runtime.Messages;

// The planner's conversation: a goal in, a validated executable plan or the reason for none out.

/// <summary>Plan for <paramref name="Goal"/> from the world as it is now; answered with <see cref="PlanReady"/> or <see cref="NoPlanFound"/>.</summary>
public sealed record PlanGoal(string RequestId, GoalCondition Goal, string? TraceParent = null);

public sealed record PlanReady(string RequestId, ExecutablePlan Plan);

/// <summary>No plan: <paramref name="Reasons"/> say why (an unreachable goal fact, the limits hit, a cancel).</summary>
public sealed record NoPlanFound(string RequestId, PlanningOutcome Outcome, IReadOnlyList<string> Reasons);

/// <summary>Stops the searches for a request within 50 ms; the requester then hears <see cref="NoPlanFound"/> (cancelled).</summary>
public sealed record CancelPlanning(string RequestId);

// Inside the planner: a planning session and its portfolio of search workers.

/// <summary>A search found a validated plan; anytime searches send several, cheaper ones later.</summary>
internal sealed record SearchCandidate(int Worker, PlanningReport Report);

/// <summary>A search ended; <paramref name="Report"/> is its final word (solved, no plan, limits, cancelled).</summary>
internal sealed record SearchEnded(int Worker, PlanningReport Report);

/// <summary>Cancel the search's token; the worker answers with <see cref="SearchEnded"/> once the search has returned.</summary>
internal sealed record StopSearch(string Reason);
