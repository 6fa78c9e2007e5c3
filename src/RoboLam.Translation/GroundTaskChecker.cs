using RoboLam.Planning.Tasks;

namespace RoboLam.Translation;

/// <summary>
/// Checks the invariants search relies on: facts in range, conditions sorted without repeats, derived facts
/// never changed by operators, axiom heads derived, negated axiom facts in lower layers, operator names in the
/// plan-file form <c>(name arg ...)</c>. The translator runs it on every task it returns.
/// </summary>
public static class GroundTaskChecker
{
    /// <summary>Every broken invariant, as a sentence; empty when the task is well formed.</summary>
    public static IReadOnlyList<string> Check(GroundTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var problems = new List<string>();
        var derived = new HashSet<int>(task.DerivedFacts);
        CheckFacts(task, "the initial state", task.InitialState, problems);
        CheckFacts(task, "the goal", task.Goal, problems);
        CheckFacts(task, "the forbidden facts", task.ForbiddenFacts, problems);
        if (task.InitialState.Any(derived.Contains))
        {
            problems.Add("The initial state lists a derived fact.");
        }

        foreach (var op in task.Operators)
        {
            if (!IsPlanFileName(op.Name))
            {
                problems.Add($"The operator name '{op.Name}' is not of the form (name arg ...) in lower case.");
            }

            // Messages are built only on failure: this runs on every operator of every task.
            if (!AreValid(task, op.Precondition))
            {
                CheckFacts(task, $"the precondition of {op.Name}", op.Precondition, problems);
            }

            foreach (var effect in op.Effects)
            {
                if (!AreValid(task, effect.Condition))
                {
                    CheckFacts(task, $"an effect condition of {op.Name}", effect.Condition, problems);
                }

                if (effect.Fact < 0 || effect.Fact >= task.FactCount)
                {
                    problems.Add($"An effect of {op.Name} refers to fact {effect.Fact}, outside 0..{task.FactCount - 1}.");
                }
                else if (derived.Contains(effect.Fact))
                {
                    problems.Add($"{op.Name} changes the derived fact {Name(task, effect.Fact)}.");
                }
            }

            if (op.Cost < 0)
            {
                problems.Add($"{op.Name} has a negative cost.");
            }
        }

        var layerOfHead = new Dictionary<int, int>();
        foreach (var axiom in task.Axioms)
        {
            if (!derived.Contains(axiom.Head))
            {
                problems.Add($"An axiom derives {Name(task, axiom.Head)}, which is not a derived fact.");
            }

            if (layerOfHead.TryGetValue(axiom.Head, out var layer) && layer != axiom.Layer)
            {
                problems.Add($"The axioms for {Name(task, axiom.Head)} are in different layers.");
            }

            layerOfHead[axiom.Head] = axiom.Layer;
            CheckFacts(task, "an axiom body", axiom.Body, problems);
            CheckFacts(task, "an axiom's negated body", axiom.NegatedBody, problems);
        }

        foreach (var axiom in task.Axioms)
        {
            foreach (var fact in axiom.Body.Where(layerOfHead.ContainsKey))
            {
                if (layerOfHead[fact] > axiom.Layer)
                {
                    problems.Add($"The axiom for {Name(task, axiom.Head)} uses {Name(task, fact)} from a higher layer.");
                }
            }

            foreach (var fact in axiom.NegatedBody.Where(layerOfHead.ContainsKey))
            {
                if (layerOfHead[fact] >= axiom.Layer)
                {
                    problems.Add($"The axiom for {Name(task, axiom.Head)} negates {Name(task, fact)}, which is not in a lower layer.");
                }
            }
        }

        return problems;
    }

    private static bool IsPlanFileName(string name)
    {
        if (name.Length < 3 || name[0] != '(' || name[^1] != ')')
        {
            return false;
        }

        foreach (var character in name)
        {
            if (char.IsUpper(character))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreValid(GroundTask task, int[] facts)
    {
        for (var index = 0; index < facts.Length; index++)
        {
            if (facts[index] < 0 || facts[index] >= task.FactCount || (index > 0 && facts[index] <= facts[index - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckFacts(GroundTask task, string where, int[] facts, List<string> problems)
    {
        for (var index = 0; index < facts.Length; index++)
        {
            if (facts[index] < 0 || facts[index] >= task.FactCount)
            {
                problems.Add($"{Capitalize(where)} refers to fact {facts[index]}, outside 0..{task.FactCount - 1}.");
                return;
            }

            if (index > 0 && facts[index] <= facts[index - 1])
            {
                problems.Add($"{Capitalize(where)} is not sorted without repeats.");
                return;
            }
        }
    }

    private static string Name(GroundTask task, int fact) =>
        fact >= 0 && fact < task.FactCount ? task.FactNames[fact] : fact.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
