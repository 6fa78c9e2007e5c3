using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>What one step does, collected on the state before it and applied afterwards all at once.</summary>
internal sealed class EffectBuffer
{
    public List<GroundAtom> Adds { get; } = [];

    public List<GroundAtom> Deletes { get; } = [];

    public double Cost { get; set; }

    /// <summary>A cost expression whose value the init does not give; the step is then not executable.</summary>
    public NumericExpr? UndefinedCost { get; set; }

    public void Clear()
    {
        Adds.Clear();
        Deletes.Clear();
        Cost = 0;
        UndefinedCost = null;
    }
}

internal abstract class CompiledEffect
{
    public abstract void Collect(EvaluationContext context, EffectBuffer buffer);
}

internal sealed class AtomChange : CompiledEffect
{
    private readonly AtomPattern _pattern;
    private readonly bool _isDelete;

    public AtomChange(AtomPattern pattern, bool isDelete)
    {
        _pattern = pattern;
        _isDelete = isDelete;
    }

    public override void Collect(EvaluationContext context, EffectBuffer buffer) =>
        (_isDelete ? buffer.Deletes : buffer.Adds).Add(_pattern.Ground(context.Slots));
}

internal sealed class EffectList : CompiledEffect
{
    private readonly CompiledEffect[] _effects;

    public EffectList(CompiledEffect[] effects)
    {
        _effects = effects;
    }

    public override void Collect(EvaluationContext context, EffectBuffer buffer)
    {
        foreach (var effect in _effects)
        {
            effect.Collect(context, buffer);
        }
    }
}

/// <summary><c>(forall (?x - t) E)</c>: E for every object of the type.</summary>
internal sealed class UniversalEffect : CompiledEffect
{
    private readonly int[] _slots;
    private readonly int[][] _candidates;
    private readonly CompiledEffect _body;

    public UniversalEffect(int[] slots, int[][] candidates, CompiledEffect body)
    {
        _slots = slots;
        _candidates = candidates;
        _body = body;
    }

    public override void Collect(EvaluationContext context, EffectBuffer buffer) => Enumerate(context, buffer, 0);

    private void Enumerate(EvaluationContext context, EffectBuffer buffer, int depth)
    {
        if (depth == _slots.Length)
        {
            _body.Collect(context, buffer);
            return;
        }

        foreach (var candidate in _candidates[depth])
        {
            context.Slots[_slots[depth]] = candidate;
            Enumerate(context, buffer, depth + 1);
        }
    }
}

/// <summary><c>(when C E)</c>: C is judged on the state before the step, like the precondition.</summary>
internal sealed class ConditionalEffect : CompiledEffect
{
    private readonly CompiledCondition _condition;
    private readonly CompiledEffect _body;

    public ConditionalEffect(CompiledCondition condition, CompiledEffect body)
    {
        _condition = condition;
        _body = body;
    }

    public override void Collect(EvaluationContext context, EffectBuffer buffer)
    {
        if (_condition.Holds(context))
        {
            _body.Collect(context, buffer);
        }
    }
}

/// <summary><c>(increase (total-cost) N)</c>.</summary>
internal sealed class CostIncrease : CompiledEffect
{
    private readonly CompiledNumber _amount;

    public CostIncrease(CompiledNumber amount)
    {
        _amount = amount;
    }

    public override void Collect(EvaluationContext context, EffectBuffer buffer)
    {
        var amount = _amount.Value(context);
        if (double.IsNaN(amount))
        {
            buffer.UndefinedCost ??= _amount.Source;
            return;
        }

        buffer.Cost += amount;
    }
}
