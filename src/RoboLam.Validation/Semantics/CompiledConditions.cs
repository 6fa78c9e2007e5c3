using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>A condition with names resolved to ids and variables to slots; keeps its source for messages.</summary>
internal abstract class CompiledCondition
{
    protected CompiledCondition(Condition source)
    {
        Source = source;
    }

    public Condition Source { get; }

    public abstract bool Holds(EvaluationContext context);
}

internal sealed class ConstantCondition : CompiledCondition
{
    private readonly bool _value;

    public ConstantCondition(bool value, Condition source)
        : base(source)
    {
        _value = value;
    }

    public override bool Holds(EvaluationContext context) => _value;
}

internal sealed class AtomTest : CompiledCondition
{
    private readonly AtomPattern _pattern;

    public AtomTest(AtomPattern pattern, Condition source)
        : base(source)
    {
        _pattern = pattern;
    }

    public override bool Holds(EvaluationContext context) =>
        context.State.Holds(_pattern.Ground(context.Slots), _pattern.IsDerived);
}

internal sealed class EqualityTest : CompiledCondition
{
    private readonly int _left;
    private readonly int _right;

    public EqualityTest(int left, int right, Condition source)
        : base(source)
    {
        _left = left;
        _right = right;
    }

    public override bool Holds(EvaluationContext context) =>
        AtomPattern.Resolve(_left, context.Slots) == AtomPattern.Resolve(_right, context.Slots);
}

internal sealed class Negation : CompiledCondition
{
    private readonly CompiledCondition _operand;

    public Negation(CompiledCondition operand, Condition source)
        : base(source)
    {
        _operand = operand;
    }

    public override bool Holds(EvaluationContext context) => !_operand.Holds(context);
}

internal sealed class Conjunction : CompiledCondition
{
    public Conjunction(CompiledCondition[] operands, Condition source)
        : base(source)
    {
        Operands = operands;
    }

    public CompiledCondition[] Operands { get; }

    public override bool Holds(EvaluationContext context)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Holds(context))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class Disjunction : CompiledCondition
{
    private readonly CompiledCondition[] _operands;

    public Disjunction(CompiledCondition[] operands, Condition source)
        : base(source)
    {
        _operands = operands;
    }

    public override bool Holds(EvaluationContext context)
    {
        foreach (var operand in _operands)
        {
            if (operand.Holds(context))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class Implication : CompiledCondition
{
    private readonly CompiledCondition _antecedent;
    private readonly CompiledCondition _consequent;

    public Implication(CompiledCondition antecedent, CompiledCondition consequent, Condition source)
        : base(source)
    {
        _antecedent = antecedent;
        _consequent = consequent;
    }

    public override bool Holds(EvaluationContext context) =>
        !_antecedent.Holds(context) || _consequent.Holds(context);
}

/// <summary>
/// <c>forall</c> or <c>exists</c>: each variable has a slot and the objects of its type (fixed per problem).
/// Over an empty type, forall holds and exists does not.
/// </summary>
internal sealed class Quantification : CompiledCondition
{
    private readonly bool _isUniversal;
    private readonly int[] _slots;
    private readonly int[][] _candidates;
    private readonly CompiledCondition _body;

    public Quantification(bool isUniversal, int[] slots, int[][] candidates, CompiledCondition body, Condition source)
        : base(source)
    {
        _isUniversal = isUniversal;
        _slots = slots;
        _candidates = candidates;
        _body = body;
    }

    public bool IsUniversal => _isUniversal;

    public override bool Holds(EvaluationContext context) => Enumerate(context, 0);

    /// <summary>
    /// For a false forall: leaves the first binding that falsifies the body in the slots and returns them
    /// (variable slot, object id) in declaration order.
    /// </summary>
    public IReadOnlyList<(int Slot, int Value)> FindCounterexample(EvaluationContext context)
    {
        if (!_isUniversal || Enumerate(context, 0))
        {
            return [];
        }

        return _slots.Select(slot => (slot, context.Slots[slot])).ToArray();
    }

    private bool Enumerate(EvaluationContext context, int depth)
    {
        if (depth == _slots.Length)
        {
            return _body.Holds(context);
        }

        var slot = _slots[depth];
        foreach (var candidate in _candidates[depth])
        {
            context.Slots[slot] = candidate;
            if (Enumerate(context, depth + 1) != _isUniversal)
            {
                return !_isUniversal;
            }
        }

        return _isUniversal;
    }
}

internal sealed class NumericComparison : CompiledCondition
{
    private readonly string _operator;
    private readonly CompiledNumber _left;
    private readonly CompiledNumber _right;

    public NumericComparison(string comparison, CompiledNumber left, CompiledNumber right, Condition source)
        : base(source)
    {
        _operator = comparison;
        _left = left;
        _right = right;
    }

    /// <summary>A comparison with an undefined value is false (NaN compares false).</summary>
    public override bool Holds(EvaluationContext context)
    {
        var left = _left.Value(context);
        var right = _right.Value(context);
        return _operator switch
        {
            "<" => left < right,
            "<=" => left <= right,
            ">" => left > right,
            ">=" => left >= right,
            _ => left == right,
        };
    }
}
