using RoboLam.Hardware.Description;

namespace RoboLam.Safety.Interlocks;

/// <summary>Evaluates interlock conditions on a set of facts (closed world: a fact not listed does not hold).</summary>
public static class ConditionEvaluation
{
    public static bool Holds(FactCondition condition, WorldFacts facts)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(facts);
        return condition switch
        {
            FactAtom atom => facts.Holds(atom),
            NotCondition not => !Holds(not.Operand, facts),
            AllCondition all => all.Operands.All(operand => Holds(operand, facts)),
            AnyCondition any => any.Operands.Any(operand => Holds(operand, facts)),
            _ => throw new ArgumentException($"Unknown condition kind {condition.GetType().Name}.", nameof(condition)),
        };
    }

    /// <summary>The rules whose condition holds in <paramref name="facts"/>, in file order.</summary>
    public static IReadOnlyList<InterlockRule> Active(IReadOnlyList<InterlockRule> rules, WorldFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Where(rule => Holds(rule.While, facts)).ToArray();
    }
}
