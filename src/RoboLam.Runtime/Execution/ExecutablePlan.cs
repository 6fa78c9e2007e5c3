using System.Collections.Immutable;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Execution;

/// <summary>
/// One action of a plan ready to run: its id (command ids derive from it), the device that runs it, its deadline,
/// the steps that must finish before it may start, and the facts it reads and may change.
/// </summary>
public sealed record PlanStep(
    int Index,
    string ActionId,
    PlannedAction Action,
    string DeviceId,
    TimeSpan Deadline,
    ImmutableArray<int> Predecessors,
    ImmutableHashSet<GroundFact> Reads,
    ImmutableHashSet<GroundFact> Writes);

/// <summary>
/// A validated plan with its partial order: steps whose predecessors are done may run at the same time.
/// <see cref="WorldVersion"/> is the world version it was planned from.
/// </summary>
public sealed record ExecutablePlan(
    string PlanId,
    GoalCondition Goal,
    ImmutableArray<PlanStep> Steps,
    int Cost,
    long WorldVersion,
    string Configuration,
    TimeSpan PlanningTime)
{
    public IReadOnlySet<string> Devices { get; } = Steps.Select(step => step.DeviceId).ToHashSet(StringComparer.Ordinal);

    public bool IsEmpty => Steps.IsEmpty;

    /// <summary>The most steps that can run at the same time under the partial order (1 for a sequence).</summary>
    public int Width()
    {
        var level = new int[Steps.Length];
        foreach (var step in Steps)
        {
            level[step.Index] = step.Predecessors.Select(predecessor => level[predecessor] + 1).DefaultIfEmpty(0).Max();
        }

        return level.GroupBy(value => value).Select(group => group.Count()).DefaultIfEmpty(0).Max();
    }
}
