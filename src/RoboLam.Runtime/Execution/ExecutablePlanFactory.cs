using System.Collections.Immutable;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Execution;

/// <summary>Turns a validated sequential plan into steps with ids, devices, deadlines and a partial order.</summary>
public static class ExecutablePlanFactory
{
    /// <exception cref="ExecutionModelException">An action cannot be interpreted for execution.</exception>
    /// <exception cref="KeyNotFoundException">An action has no device assigned.</exception>
    public static ExecutablePlan Create(
        string planId,
        GoalCondition goal,
        IReadOnlyList<PlannedAction> actions,
        int cost,
        DomainModel domain,
        WorldState world,
        DeviceAssignments assignments,
        string configuration,
        TimeSpan planningTime)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(assignments);
        var ground = actions.Select(domain.Ground).ToArray();
        var placed = actions.Select(action => (Assignment: assignments.For(action), Action: action)).ToArray();
        var devices = placed.Select(item => item.Assignment.DeviceFor(item.Action)).ToArray();
        var reads = ground.Select(action => action.FactsRead(world)).ToArray();
        var writes = ground.Select(action => action.FactsWritten(world)).ToArray();
        var order = PlanOrdering.Compute(reads, writes, devices);
        var steps = actions
            .Select((action, index) => new PlanStep(
                index,
                $"{planId}.{index + 1}",
                action,
                devices[index],
                placed[index].Assignment.Deadline,
                order[index],
                reads[index],
                writes[index]))
            .ToImmutableArray();
        return new ExecutablePlan(planId, goal, steps, cost, world.Version, configuration, planningTime);
    }
}
