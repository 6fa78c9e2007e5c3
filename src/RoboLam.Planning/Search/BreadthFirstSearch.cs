namespace RoboLam.Planning.Search;

/// <summary>Blind breadth-first search with duplicate detection and the goal test at generation: shortest plans in number of steps.</summary>
internal sealed class BreadthFirstSearch : SearchEngine
{
    public BreadthFirstSearch(SearchSetup setup)
        : base(setup, int.MaxValue)
    {
    }

    protected override EngineResult Search()
    {
        var task = Setup.Task;
        var transition = Setup.Transition;
        var finder = Setup.Finder;
        var budget = Setup.Budget;
        var state = new ulong[task.WordCount];
        var child = new ulong[task.WordCount];
        var applicable = new List<int>(256);
        var costs = task.OperatorCosts;
        transition.WriteInitialState(state);
        if (transition.IsForbidden(state))
        {
            return EngineResult.Stopped(SearchOutcome.Unsolvable);
        }

        var initial = Space.Insert(state, out _);
        Space.SetPath(initial, SearchSpace.NoParent, -1, 0);
        if (transition.IsGoal(state))
        {
            return Solution(initial);
        }

        // States are numbered in the order they are met, which is breadth-first order: the registry is the queue.
        for (var next = 0; next < Space.Count; next++)
        {
            if (budget.Check() is { } stop)
            {
                return EngineResult.Stopped(stop);
            }

            Space.Registry.CopyTo(next, state);
            Counters.Expanded++;
            finder.Find(state, applicable);
            var costSoFar = Space.CostSoFar(next);
            foreach (var op in applicable)
            {
                transition.Apply(state, op, child);
                Counters.Generated++;
                if (transition.IsForbidden(child))
                {
                    continue;
                }

                var childId = Space.Insert(child, out var isNew);
                if (!isNew)
                {
                    continue;
                }

                Space.SetPath(childId, next, op, costSoFar + costs[op]);
                if (transition.IsGoal(child))
                {
                    return Solution(childId);
                }
            }
        }

        return EngineResult.Stopped(SearchOutcome.Unsolvable);
    }
}
