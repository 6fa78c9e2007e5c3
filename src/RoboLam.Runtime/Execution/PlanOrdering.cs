using System.Collections.Immutable;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Execution;

/// <summary>
/// Turns a sequential plan into a partial order. Step j must wait for an earlier step i when i produces or
/// destroys a fact j reads (a causal link, or a threat to one), when j changes a fact i reads (j would
/// invalidate i's precondition), when both write the same fact, or when both run on the same device.
/// Every linearisation of the result reaches the same state as the original sequence.
/// </summary>
public static class PlanOrdering
{
    public static ImmutableArray<ImmutableArray<int>> Compute(IReadOnlyList<GroundAction> actions, IReadOnlyList<string> devices, WorldState world)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(world);
        return Compute(
            actions.Select(action => action.FactsRead(world)).ToArray(),
            actions.Select(action => action.FactsWritten(world)).ToArray(),
            devices);
    }

    /// <param name="reads">Per step, the facts it reads.</param>
    /// <param name="writes">Per step, the facts it may change.</param>
    /// <param name="devices">Per step, the device that runs it.</param>
    public static ImmutableArray<ImmutableArray<int>> Compute(
        IReadOnlyList<ImmutableHashSet<GroundFact>> reads,
        IReadOnlyList<ImmutableHashSet<GroundFact>> writes,
        IReadOnlyList<string> devices)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(devices);
        var predecessors = new List<int>[reads.Count];
        for (var later = 0; later < reads.Count; later++)
        {
            predecessors[later] = [];
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (devices[earlier] == devices[later]
                    || writes[earlier].Overlaps(reads[later])
                    || reads[earlier].Overlaps(writes[later])
                    || writes[earlier].Overlaps(writes[later]))
                {
                    predecessors[later].Add(earlier);
                }
            }
        }

        return [.. predecessors.Select(Reduce(predecessors))];
    }

    /// <summary>Keeps only the direct predecessors: i is dropped when another predecessor of the step already follows i.</summary>
    private static Func<List<int>, ImmutableArray<int>> Reduce(List<int>[] predecessors) =>
        list => [.. list.Where(candidate => !list.Any(other => other != candidate && predecessors[other].Contains(candidate)))];
}
