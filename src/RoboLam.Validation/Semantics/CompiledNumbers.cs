using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>A numeric expression over constants and static functions; NaN stands for "undefined".</summary>
internal abstract class CompiledNumber
{
    protected CompiledNumber(NumericExpr source)
    {
        Source = source;
    }

    public NumericExpr Source { get; }

    public abstract double Value(EvaluationContext context);
}

internal sealed class ConstantNumber : CompiledNumber
{
    private readonly double _value;

    public ConstantNumber(double value, NumericExpr source)
        : base(source)
    {
        _value = value;
    }

    public override double Value(EvaluationContext context) => _value;
}

internal sealed class StaticFunctionValue : CompiledNumber
{
    private readonly AtomPattern _application;

    public StaticFunctionValue(AtomPattern application, NumericExpr source)
        : base(source)
    {
        _application = application;
    }

    public override double Value(EvaluationContext context) =>
        context.Functions.ValueOf(_application.Ground(context.Slots));
}

internal sealed class ArithmeticNumber : CompiledNumber
{
    private readonly string _operator;
    private readonly CompiledNumber[] _operands;

    public ArithmeticNumber(string arithmetic, CompiledNumber[] operands, NumericExpr source)
        : base(source)
    {
        _operator = arithmetic;
        _operands = operands;
    }

    public override double Value(EvaluationContext context)
    {
        var result = _operands[0].Value(context);
        if (_operands.Length == 1)
        {
            return _operator == "-" ? -result : result;
        }

        for (var index = 1; index < _operands.Length; index++)
        {
            var operand = _operands[index].Value(context);
            result = _operator switch
            {
                "+" => result + operand,
                "-" => result - operand,
                "*" => result * operand,
                _ => operand == 0 ? double.NaN : result / operand,
            };
        }

        return result;
    }
}
