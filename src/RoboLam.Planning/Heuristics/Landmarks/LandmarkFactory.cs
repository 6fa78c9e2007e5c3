namespace RoboLam.Planning.Heuristics.Landmarks;

/// <summary>
/// Finds the causal fact landmarks of the delete relaxation by label propagation (Zhu and Givan 2003; the h^m
/// landmarks of Keyder, Richter and Helmert 2010 with m = 1): a fact's label is the set of facts that every relaxed
/// way of reaching it passes through, the intersection over its achievers of the union of their preconditions'
/// labels. Iterated to a fixpoint from the initial state, the labels of the goal facts are the landmarks, and a
/// label's members are natural predecessors. Facts needed by every first achiever are greedy-necessary ones.
/// As in LAMA (Richter, Helmert and Westphal 2008), when every first achiever of a landmark needs some fact of
/// one predicate, the few such facts together form a disjunctive landmark (one hand or the other holds the ball).
/// </summary>
internal static class LandmarkFactory
{
    private const int MaximumDisjunctionSize = 4;

    public static LandmarkGraph Create(RelaxedTask task, ReadOnlySpan<ulong> initialState, CancellationToken cancellationToken = default)
    {
        var labels = PropagateLabels(task, initialState, cancellationToken);
        var isInitial = new bool[task.RealFactCount];
        for (var fact = 0; fact < task.RealFactCount; fact++)
        {
            isInitial[fact] = States.PackedState.Contains(initialState, fact);
        }

        var landmarkOfFact = new int[task.FactCount];
        Array.Fill(landmarkOfFact, -1);
        var landmarks = new List<int[]>();
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
                    landmarkOfFact[fact] = landmarks.Count;
                    landmarks.Add([fact]);
                }
            }
        }

        var factLandmarkCount = landmarks.Count;
        var natural = new List<HashSet<int>>();
        var greedyNecessaryPairs = new List<(int Before, int After)>();
        var disjunctionIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var landmark = 0; landmark < factLandmarkCount; landmark++)
        {
            var fact = landmarks[landmark][0];
            natural.Add(labels[fact]!.Where(other => other != fact && other < task.RealFactCount && landmarkOfFact[other] >= 0).Select(other => landmarkOfFact[other]).ToHashSet());
            var achievers = FirstAchieverPreconditions(task, labels, fact);
            foreach (var before in SharedPreconditions(achievers, fact, task.RealFactCount))
            {
                if (landmarkOfFact[before] >= 0)
                {
                    greedyNecessaryPairs.Add((landmarkOfFact[before], landmark));
                }
            }

            if (isInitial[fact])
            {
                continue;
            }

            foreach (var disjunction in Disjunctions(task, achievers, isInitial, landmarkOfFact))
            {
                var key = string.Join(',', disjunction);
                if (!disjunctionIds.TryGetValue(key, out var id))
                {
                    id = landmarks.Count;
                    disjunctionIds.Add(key, id);
                    landmarks.Add(disjunction);
                    natural.Add([]);
                }

                greedyNecessaryPairs.Add((id, landmark));
                natural[landmark].Add(id);
            }
        }

        // Orderings into disjunctive landmarks: what every first achiever of one of their facts needs.
        for (var landmark = factLandmarkCount; landmark < landmarks.Count; landmark++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var achievers = FirstAchieverPreconditions(task, landmarks[landmark], isInitial);
            foreach (var before in SharedPreconditions(achievers, -1, task.RealFactCount))
            {
                if (landmarkOfFact[before] >= 0)
                {
                    greedyNecessaryPairs.Add((landmarkOfFact[before], landmark));
                    natural[landmark].Add(landmarkOfFact[before]);
                }
            }
        }

        var isGoal = new bool[landmarks.Count];
        foreach (var goal in task.Goal)
        {
            if (landmarkOfFact[goal] >= 0)
            {
                isGoal[landmarkOfFact[goal]] = true;
            }
        }

        var facts = new Tasks.FlatListBuilder();
        var naturalLists = new Tasks.FlatListBuilder();
        var greedyNecessary = new Tasks.FlatListBuilder();
        var successorsOf = greedyNecessaryPairs.Distinct().ToLookup(pair => pair.Before, pair => pair.After);
        for (var landmark = 0; landmark < landmarks.Count; landmark++)
        {
            facts.Add(landmarks[landmark]);
            naturalLists.Add(natural[landmark].Order());
            greedyNecessary.Add(successorsOf[landmark]);
        }

        return new LandmarkGraph(facts.Build(), isGoal, naturalLists.Build(), greedyNecessary.Build(), task.RealFactCount, isGoalUnreachable);
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
    /// The preconditions of each first achiever of <paramref name="fact"/>: relaxed operators that add it and are
    /// reachable without it. Auxiliary "operator applied" facts stand for their operator's precondition.
    /// </summary>
    private static List<List<int>> FirstAchieverPreconditions(RelaxedTask task, int[]?[] labels, int fact)
    {
        var result = new List<List<int>>();
        for (var position = task.AchieverStart[fact]; position < task.AchieverStart[fact + 1]; position++)
        {
            var preconditions = RealPreconditions(task, task.Achievers[position]);
            if (!preconditions.Any(precondition => labels[precondition] is null || Array.BinarySearch(labels[precondition]!, fact) >= 0))
            {
                result.Add(preconditions);
            }
        }

        return result;
    }

    /// <summary>
    /// The preconditions of each first achiever of a disjunction: operators adding one of its facts that a relaxed
    /// exploration reaches while no operator adding any of its facts is allowed.
    /// </summary>
    private static List<List<int>> FirstAchieverPreconditions(RelaxedTask task, int[] disjunction, bool[] isInitial)
    {
        var excluded = new HashSet<int>(disjunction);
        var reached = new bool[task.FactCount];
        var unsatisfied = new int[task.OperatorCount];
        var queue = new Queue<int>();
        for (var op = 0; op < task.OperatorCount; op++)
        {
            unsatisfied[op] = task.PreconditionStart[op + 1] - task.PreconditionStart[op];
        }

        bool AddsExcluded(int op)
        {
            for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
            {
                if (excluded.Contains(task.AddFacts[position]))
                {
                    return true;
                }
            }

            return false;
        }

        void Fire(int op)
        {
            if (AddsExcluded(op))
            {
                return;
            }

            for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
            {
                var fact = task.AddFacts[position];
                if (!reached[fact])
                {
                    reached[fact] = true;
                    queue.Enqueue(fact);
                }
            }
        }

        for (var fact = 0; fact < isInitial.Length; fact++)
        {
            if (isInitial[fact] && !excluded.Contains(fact))
            {
                reached[fact] = true;
                queue.Enqueue(fact);
            }
        }

        foreach (var op in task.NoPreconditionOperators)
        {
            Fire(op);
        }

        while (queue.Count > 0)
        {
            var fact = queue.Dequeue();
            for (var position = task.PreconditionOfStart[fact]; position < task.PreconditionOfStart[fact + 1]; position++)
            {
                var op = task.PreconditionOf[position];
                if (--unsatisfied[op] == 0)
                {
                    Fire(op);
                }
            }
        }

        var result = new List<List<int>>();
        foreach (var fact in disjunction)
        {
            for (var position = task.AchieverStart[fact]; position < task.AchieverStart[fact + 1]; position++)
            {
                var op = task.Achievers[position];
                if (unsatisfied[op] == 0)
                {
                    result.Add(RealPreconditions(task, op));
                }
            }
        }

        return result;
    }

    /// <summary>Facts that every first achiever needs (greedy-necessary predecessors).</summary>
    private static IEnumerable<int> SharedPreconditions(List<List<int>> achievers, int fact, int realFactCount)
    {
        if (achievers.Count == 0)
        {
            return [];
        }

        var shared = new HashSet<int>(achievers[0]);
        foreach (var preconditions in achievers.Skip(1))
        {
            shared.IntersectWith(preconditions);
        }

        return shared.Where(precondition => precondition != fact && precondition < realFactCount);
    }

    /// <summary>
    /// For each predicate that every first achiever has a precondition of, the set of those precondition facts,
    /// kept when it is small, holds nowhere initially, and contains no fact landmark (which would subsume it).
    /// </summary>
    private static IEnumerable<int[]> Disjunctions(RelaxedTask task, List<List<int>> achievers, bool[] isInitial, int[] landmarkOfFact)
    {
        if (achievers.Count < 2)
        {
            yield break;
        }

        var names = task.Task.Source.FactNames;
        Dictionary<string, HashSet<int>>? byPredicate = null;
        foreach (var preconditions in achievers)
        {
            var mine = preconditions.Where(fact => fact < task.RealFactCount).GroupBy(fact => PredicateOf(names[fact]), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
            if (byPredicate is null)
            {
                byPredicate = mine.ToDictionary(pair => pair.Key, pair => pair.Value.ToHashSet(), StringComparer.Ordinal);
                continue;
            }

            foreach (var predicate in byPredicate.Keys.ToList())
            {
                if (mine.TryGetValue(predicate, out var facts))
                {
                    byPredicate[predicate].UnionWith(facts);
                }
                else
                {
                    byPredicate.Remove(predicate);
                }
            }
        }

        foreach (var facts in byPredicate!.Values)
        {
            if (facts.Count >= 2 && facts.Count <= MaximumDisjunctionSize && !facts.Any(fact => isInitial[fact] || landmarkOfFact[fact] >= 0))
            {
                yield return [.. facts.Order()];
            }
        }
    }

    /// <summary>The predicate of a fact name such as <c>(carry ball1 left)</c>; <c>(not (clear a))</c> gives <c>not clear</c>.</summary>
    internal static string PredicateOf(string factName)
    {
        var text = factName.Trim().TrimStart('(');
        var negated = text.StartsWith("not (", StringComparison.Ordinal);
        if (negated)
        {
            text = text[5..];
        }

        var end = text.IndexOfAny([' ', ')']);
        var predicate = end < 0 ? text : text[..end];
        return negated ? "not " + predicate : predicate;
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
