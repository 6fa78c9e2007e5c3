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
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(world);
        var reads = actions.Select(action => action.FactsRead(world)).ToArray();
        var writes = actions.Select(action => action.FactsWritten(world)).ToArray();
        var predecessors = new List<int>[actions.Count];
        for (var later = 0; later < actions.Count; later++)
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
