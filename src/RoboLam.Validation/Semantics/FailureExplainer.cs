using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>Says which part of a false condition fails, in words a person can check against the state.</summary>
internal static class FailureExplainer
{
    /// <summary>
    /// The first false conjunct, printed with the bindings; for a false forall, also the objects that break it.
    /// Ends in "is false" or "is false for ?v = obj".
    /// </summary>
    public static string Explain(
        CompiledCondition condition, EvaluationContext context, IReadOnlyDictionary<string, string> bindings, ObjectUniverse objects)
    {
        if (condition is Conjunction conjunction)
        {
            foreach (var operand in conjunction.Operands)
            {
                if (!operand.Holds(context))
                {
                    return Explain(operand, context, bindings, objects);
                }
            }
        }

        var text = ConditionPrinter.Print(condition.Source, bindings);
        if (condition is Quantification { IsUniversal: true } quantification
            && quantification.Source is ForAllCondition forAll)
        {
            var counterexample = quantification.FindCounterexample(context);
            if (counterexample.Count == forAll.Variables.Count && counterexample.Count > 0)
            {
                var witnesses = forAll.Variables.Select(
                    (variable, index) => $"{variable.Name} = {objects.NameOf(counterexample[index].Value)}");
                return $"{text} is false for {string.Join(", ", witnesses)}";
            }
        }

        return $"{text} is false";
    }
}
