using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Tests.Support;

/// <summary>
/// Replays a plan on a <see cref="GroundTask"/> with deliberately naive set-based code that shares nothing with
/// the planner (no packing, axioms to a fixpoint per layer), and reports the first problem it meets.
/// </summary>
internal static class PlanChecker
{
    public static (bool IsValid, string Message, int Cost) Check(GroundTask task, IReadOnlyList<int> plan)
    {
        var state = new HashSet<int>(task.InitialState);
        Derive(task, state);
        var cost = 0;
        for (var step = 0; step < plan.Count; step++)
        {
            var op = task.Operators[plan[step]];
            var missing = op.Precondition.Where(fact => !state.Contains(fact)).ToList();
            if (missing.Count > 0)
            {
                return (false, $"step {step + 1} {op.Name}: precondition {task.FactNames[missing[0]]} is false", cost);
            }

            var firing = op.Effects.Where(effect => effect.Condition.All(state.Contains)).ToList();
            foreach (var effect in firing.Where(effect => effect.IsDelete))
            {
                state.Remove(effect.Fact);
            }

            foreach (var effect in firing.Where(effect => !effect.IsDelete))
            {
                state.Add(effect.Fact);
            }

            Derive(task, state);
            cost += task.HasActionCosts ? op.Cost : 1;
        }

        var unmet = task.Goal.Where(fact => !state.Contains(fact)).ToList();
        return unmet.Count > 0
            ? (false, $"goal {task.FactNames[unmet[0]]} is false after the plan", cost)
            : (true, "valid", cost);
    }

    public static void AssertValid(GroundTask task, IReadOnlyList<int>? plan)
    {
        Assert.NotNull(plan);
        var (isValid, message, _) = Check(task, plan);
        Assert.True(isValid, message);
    }

    private static void Derive(GroundTask task, HashSet<int> state)
    {
        state.ExceptWith(task.DerivedFacts);
        foreach (var layer in task.Axioms.GroupBy(axiom => axiom.Layer).OrderBy(group => group.Key))
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var axiom in layer)
                {
                    if (!state.Contains(axiom.Head) && axiom.Body.All(state.Contains) && !axiom.NegatedBody.Any(state.Contains))
                    {
                        state.Add(axiom.Head);
                        changed = true;
                    }
                }
            }
        }
    }
}
