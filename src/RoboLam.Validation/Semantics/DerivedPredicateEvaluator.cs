namespace RoboLam.Validation.Semantics;

/// <summary>
/// Computes the derived atoms of a state: stratum by stratum, each to its least fixpoint. Negated derived
/// atoms only come from lower strata, which are complete by then, so negation as failure is sound.
/// </summary>
internal sealed class DerivedPredicateEvaluator
{
    private readonly IReadOnlyList<IReadOnlyList<DerivedRule>> _strata;
    private readonly int _slotCount;

    public DerivedPredicateEvaluator(IReadOnlyList<IReadOnlyList<DerivedRule>> strata, int slotCount)
    {
        _strata = strata;
        _slotCount = slotCount;
    }

    public void Compute(WorldState state, StaticFunctions functions)
    {
        var context = new EvaluationContext(state, functions, _slotCount);
        state.ClearDerived();
        foreach (var stratum in _strata)
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var rule in stratum)
                {
                    changed |= rule.Apply(context);
                }
            }
            while (changed);
        }
    }
}
