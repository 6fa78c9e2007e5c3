namespace RoboLam.Planning.Heuristics.Landmarks;

/// <summary>
/// Finds the causal fact landmarks of the delete relaxation by label propagation (Zhu and Givan 2003; the h^m
/// landmarks of Keyder, Richter and Helmert 2010 with m = 1): a fact's label is the set of facts that every relaxed
/// way of reaching it passes through, the intersection over its achievers of the union of their preconditions'
/// labels. Iterated to a fixpoint from the initial state, the labels of the goal facts are the landmarks, and a
/// label's members are natural predecessors. Facts needed by every first achiever are greedy-necessary ones.
/// </summary>
internal static class LandmarkFactory
{
    public static LandmarkGraph Create(RelaxedTask task, ReadOnlySpan<ulong> initialState, CancellationToken cancellationToken = default)
    {
        var labels = PropagateLabels(task, initialState, cancellationToken);
        var landmarkOfFact = new int[task.FactCount];
        Array.Fill(landmarkOfFact, -1);
        var facts = new List<int>();
        var isGoalUnreachable = false;
        foreach (var goal in task.Goal)
        {
            var label = labels[goal];
            if (label is null)
            {
                isGoalUnreachable = true;
                continue;
            }

            foreach (var fact in label)
            {
                if (fact < task.RealFactCount && landmarkOfFact[fact] < 0)
                {
                    landmarkOfFact[fact] = facts.Count;
                    facts.Add(fact);
                }
            }
        }

        var isGoal = new bool[facts.Count];
        foreach (var goal in task.Goal)
        {
            if (landmarkOfFact[goal] >= 0)
            {
                isGoal[landmarkOfFact[goal]] = true;
            }
        }

        var natural = new Tasks.FlatListBuilder();
        var greedyNecessaryPairs = new List<(int Before, int After)>();
        for (var landmark = 0; landmark < facts.Count; landmark++)
        {
            var fact = facts[landmark];
            natural.Add(labels[fact]!.Where(other => other != fact && other < task.RealFactCount && landmarkOfFact[other] >= 0).Select(other => landmarkOfFact[other]));
            foreach (var before in GreedyNecessaryPredecessors(task, labels, fact))
            {
                if (landmarkOfFact[before] >= 0)
                {
                    greedyNecessaryPairs.Add((landmarkOfFact[before], landmark));
                }
            }
        }

        var greedyNecessary = new Tasks.FlatListBuilder();
        var successorsOf = greedyNecessaryPairs.ToLookup(pair => pair.Before, pair => pair.After);
        for (var landmark = 0; landmark < facts.Count; landmark++)
        {
            greedyNecessary.Add(successorsOf[landmark]);
        }

        var realLandmarkOfFact = facts.ToArray();
        return new LandmarkGraph(realLandmarkOfFact, isGoal, natural.Build(), greedyNecessary.Build(), task.RealFactCount, isGoalUnreachable);
    }

    /// <summary>Label per relaxed fact (sorted facts), null where the relaxation never reaches the fact.</summary>
    internal static int[]?[] PropagateLabels(RelaxedTask task, ReadOnlySpan<ulong> initialState, CancellationToken cancellationToken)
    {
        var labels = new int[]?[task.FactCount];
        var reachedPreconditions = new int[task.OperatorCount];
        var queued = new bool[task.OperatorCount];
        var queue = new Queue<int>();
        var mark = new int[task.FactCount];
        var stamp = 0;
        var union = new List<int>();

        void Reach(int fact)
        {
            for (var position = task.PreconditionOfStart[fact]; position < task.PreconditionOfStart[fact + 1]; position++)
            {
                var op = task.PreconditionOf[position];
                if (++reachedPreconditions[op] == task.PreconditionStart[op + 1] - task.PreconditionStart[op] && !queued[op])
                {
                    queued[op] = true;
                    queue.Enqueue(op);
                }
            }
        }

        void Requeue(int fact)
        {
            for (var position = task.PreconditionOfStart[fact]; position < task.PreconditionOfStart[fact + 1]; position++)
            {
                var op = task.PreconditionOf[position];
                if (reachedPreconditions[op] == task.PreconditionStart[op + 1] - task.PreconditionStart[op] && !queued[op])
                {
                    queued[op] = true;
                    queue.Enqueue(op);
                }
            }
        }

        for (var fact = 0; fact < task.RealFactCount; fact++)
        {
            if (States.PackedState.Contains(initialState, fact))
            {
                labels[fact] = [fact];
            }
        }

        for (var fact = 0; fact < task.RealFactCount; fact++)
        {
            if (labels[fact] is not null)
            {
                Reach(fact);
            }
        }

        foreach (var op in task.NoPreconditionOperators)
        {
            queued[op] = true;
            queue.Enqueue(op);
        }

        var processed = 0;
        while (queue.Count > 0)
        {
            if ((++processed & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var op = queue.Dequeue();
            queued[op] = false;
            stamp++;
            union.Clear();
            for (var position = task.PreconditionStart[op]; position < task.PreconditionStart[op + 1]; position++)
            {
                foreach (var fact in labels[task.PreconditionFacts[position]]!)
                {
                    if (mark[fact] != stamp)
                    {
                        mark[fact] = stamp;
                        union.Add(fact);
                    }
                }
            }

            for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
            {
                var added = task.AddFacts[position];
                var label = labels[added];
                if (label is null)
                {
                    var created = new List<int>(union.Count + 1);
                    created.AddRange(union);
                    if (mark[added] != stamp)
                    {
                        created.Add(added);
                    }

                    created.Sort();
                    labels[added] = [.. created];
                    Reach(added);
                    continue;
                }

                var kept = 0;
                foreach (var fact in label)
                {
                    if (fact == added || mark[fact] == stamp)
                    {
                        kept++;
                    }
                }

                if (kept < label.Length)
                {
                    labels[added] = label.Where(fact => fact == added || mark[fact] == stamp).ToArray();
                    Requeue(added);
                }
            }
        }

        return labels;
    }

    /// <summary>
    /// Facts that are preconditions of every first achiever of <paramref name="fact"/> (achievers reachable
    /// without it). Auxiliary "operator applied" facts stand for their operator's precondition.
    /// </summary>
    private static IEnumerable<int> GreedyNecessaryPredecessors(RelaxedTask task, int[]?[] labels, int fact)
    {
        HashSet<int>? shared = null;
        for (var position = task.AchieverStart[fact]; position < task.AchieverStart[fact + 1]; position++)
        {
            var op = task.Achievers[position];
            var preconditions = RealPreconditions(task, op);
            if (preconditions.Any(precondition => labels[precondition] is null || Array.BinarySearch(labels[precondition]!, fact) >= 0))
            {
                continue;
            }

            if (shared is null)
            {
                shared = [.. preconditions];
            }
            else
            {
                shared.IntersectWith(preconditions);
            }
        }

        return shared is null ? [] : shared.Where(precondition => precondition != fact && precondition < task.RealFactCount);
    }

    private static List<int> RealPreconditions(RelaxedTask task, int op)
    {
        var result = new List<int>();
        for (var position = task.PreconditionStart[op]; position < task.PreconditionStart[op + 1]; position++)
        {
            var fact = task.PreconditionFacts[position];
            if (fact < task.RealFactCount)
            {
                result.Add(fact);
                continue;
            }

            // An auxiliary fact has one achiever: the operator's base part, whose precondition it stands for.
            var baseOperator = task.Achievers[task.AchieverStart[fact]];
            result.AddRange(RealPreconditions(task, baseOperator));
            result.Add(fact);
        }

        return result;
    }
}
