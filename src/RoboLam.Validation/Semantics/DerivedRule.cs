namespace RoboLam.Validation.Semantics;

/// <summary>One <c>(:derived (p ?x...) body)</c>; its parameters occupy the first slots.</summary>
internal sealed class DerivedRule
{
    private readonly int _predicate;
    private readonly int[][] _candidates;
    private readonly CompiledCondition _body;

    public DerivedRule(int predicate, int[][] candidates, CompiledCondition body)
    {
        _predicate = predicate;
        _candidates = candidates;
        _body = body;
    }

    /// <summary>Adds every atom of the head whose body holds now; true when something new was derived.</summary>
    public bool Apply(EvaluationContext context) => Enumerate(context, 0);

    private bool Enumerate(EvaluationContext context, int depth)
    {
        if (depth == _candidates.Length)
        {
            var head = new GroundAtom(_predicate, context.Slots.AsSpan(0, _candidates.Length));
            return !context.State.Holds(head, isDerived: true) && _body.Holds(context) && context.State.AddDerived(head);
        }

        var changed = false;
        foreach (var candidate in _candidates[depth])
        {
            context.Slots[depth] = candidate;
            changed |= Enumerate(context, depth + 1);
        }

        return changed;
    }
}
