using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

internal sealed partial class AstBuilder
{
    private const string DurationVariable = "?duration";

    private Term? Term(Syntax.TermContext? context)
    {
        switch (context)
        {
            case Syntax.NameTermContext name:
                return Word(name.word) is { } constant ? new NameTerm(constant, At(name)) : null;
            case Syntax.VariableTermContext variable:
                return SingleToken(variable) is { } variableName ? new VariableTerm(variableName, At(variable)) : null;
            case Syntax.FunctionTermContext function:
                return Name(function.name()) is { } functionName && Terms(function.term()) is { } arguments
                    ? new FunctionTerm(functionName, arguments, At(function))
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The arguments, or null when error recovery lost one of them (a shorter list would mislead the checker).</summary>
    private Seq<Term>? Terms(Syntax.TermContext[] contexts)
    {
        if (contexts.Length == 0)
        {
            return Seq<Term>.Empty;
        }

        var result = new Term[contexts.Length];
        for (var i = 0; i < contexts.Length; i++)
        {
            if (Term(contexts[i]) is not { } term)
            {
                return null;
            }

            result[i] = term;
        }

        return Seq.Own<Term>(result);
    }

    private NumericExpr? Numeric(Syntax.NumericExprContext? context)
    {
        switch (context)
        {
            case Syntax.NumberExprContext number:
                return Number(number.number()) is { } value ? new NumberExpr(value, At(number)) : null;
            case Syntax.VariableExprContext variable:
                var variableName = SingleToken(variable);
                if (variableName == DurationVariable)
                {
                    return new DurationVariableExpr(At(variable));
                }

                if (variableName is not null)
                {
                    ReportVariableNotNumeric(variable, variableName);
                }

                return null;
            case Syntax.TimeExprContext time:
                return new TimeVariableExpr(At(time));
            case Syntax.NameExprContext name:
                // PDDL 3.1 lets a function without arguments be written without parentheses.
                return Name(name.name()) is { } constantFunction ? new FunctionExpr(constantFunction, Seq<Term>.Empty, At(name)) : null;
            case Syntax.ArithmeticExprContext arithmetic:
                return Arithmetic(arithmetic);
            case Syntax.IsViolatedExprContext isViolated:
                return Name(isViolated.name()) is { } preference ? new IsViolatedExpr(preference, At(isViolated)) : null;
            case Syntax.FunctionExprContext function:
                return Name(function.name()) is { } functionName && Terms(function.term()) is { } arguments
                    ? new FunctionExpr(functionName, arguments, At(function))
                    : null;
            default:
                return null;
        }
    }

    private ArithmeticExpr? Arithmetic(Syntax.ArithmeticExprContext context)
    {
        var @operator = context.op?.Text;
        var operandContexts = context.numericExpr();
        if (@operator is null || operandContexts.Length == 0)
        {
            return null;
        }

        if (operandContexts.Length == 1 && @operator != "-")
        {
            Report(DiagnosticCodes.SyntaxError, At(context),
                $"'{@operator}' needs at least two operands, as in ({@operator} a b); only '-' may have one");
            return null;
        }

        var operands = new NumericExpr[operandContexts.Length];
        for (var i = 0; i < operandContexts.Length; i++)
        {
            if (Numeric(operandContexts[i]) is not { } operand)
            {
                return null;
            }

            operands[i] = operand;
        }

        return new ArithmeticExpr(@operator, Seq.Own<NumericExpr>(operands), At(context));
    }

    /// <summary>The object reading of an expression: a name, a variable or an object-fluent application.</summary>
    private Term? ExpressionAsTerm(Syntax.NumericExprContext? context)
    {
        switch (context)
        {
            case Syntax.NameExprContext name:
                return Name(name.name()) is { } constant ? new NameTerm(constant, At(name)) : null;
            case Syntax.VariableExprContext variable:
                return SingleToken(variable) is { } variableName ? new VariableTerm(variableName, At(variable)) : null;
            case Syntax.FunctionExprContext function:
                return Name(function.name()) is { } functionName && Terms(function.term()) is { } arguments
                    ? new FunctionTerm(functionName, arguments, At(function))
                    : null;
            default:
                return null;
        }
    }
}
