using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

internal sealed partial class AstBuilder
{
    /// <summary>
    /// A goal description. In a constraints section <c>(at end GD)</c> is the PDDL3 modal operator,
    /// elsewhere the durative-action time specifier.
    /// </summary>
    private Condition? Condition(Syntax.GoalDescriptionContext? context, bool inConstraints = false)
    {
        switch (context)
        {
            case Syntax.EmptyGoalContext empty:
                return new AndCondition(Seq<Condition>.Empty, At(empty));
            case Syntax.AndGoalContext and:
                return new AndCondition(Conditions(and.goalDescription(), inConstraints), At(and));
            case Syntax.OrGoalContext or:
                return new OrCondition(Conditions(or.goalDescription(), inConstraints), At(or));
            case Syntax.NotGoalContext not:
                return Condition(not.goalDescription(), inConstraints) is { } negated ? new NotCondition(negated, At(not)) : null;
            case Syntax.ImplyGoalContext imply:
                var antecedent = Condition(imply.goalDescription(0), inConstraints);
                var consequent = Condition(imply.goalDescription(1), inConstraints);
                return antecedent is null || consequent is null ? null : new ImplyCondition(antecedent, consequent, At(imply));
            case Syntax.ExistsGoalContext exists:
                return Condition(exists.goalDescription(), inConstraints) is { } existsBody
                    ? new ExistsCondition(TypedList(exists.typedItem(), ListKind.Variables), existsBody, At(exists))
                    : null;
            case Syntax.ForallGoalContext forall:
                return Condition(forall.goalDescription(), inConstraints) is { } forallBody
                    ? new ForAllCondition(TypedList(forall.typedItem(), ListKind.Variables), forallBody, At(forall))
                    : null;
            case Syntax.PreferenceGoalContext preference:
                return Condition(preference.goalDescription(), inConstraints) is { } preferred
                    ? new PreferenceCondition(Name(preference.name()), preferred, At(preference))
                    : null;
            case Syntax.AtStartGoalContext atStart:
                return Timed(TimeSpecifier.AtStart, atStart.goalDescription(), atStart, inConstraints);
            case Syntax.AtEndGoalContext atEnd when inConstraints:
                return Modal("at end", [], [atEnd.goalDescription()], atEnd);
            case Syntax.AtEndGoalContext atEnd:
                return Timed(TimeSpecifier.AtEnd, atEnd.goalDescription(), atEnd, inConstraints);
            case Syntax.OverAllGoalContext overAll:
                return Timed(TimeSpecifier.OverAll, overAll.goalDescription(), overAll, inConstraints);
            case Syntax.UnaryModalGoalContext unary:
                return Modal(_names.Get(unary.modal), [], unary.goalDescription() is { } body ? [body] : [], unary);
            case Syntax.BinaryModalGoalContext binary:
                return Modal(_names.Get(binary.modal), [], binary.goalDescription(), binary);
            case Syntax.TimedModalGoalContext timed:
                return Modal(_names.Get(timed.modal), [timed.number()], timed.goalDescription() is { } timedBody ? [timedBody] : [], timed);
            case Syntax.AlwaysWithinGoalContext alwaysWithin:
                return Modal("always-within", [alwaysWithin.number()], alwaysWithin.goalDescription(), alwaysWithin);
            case Syntax.HoldDuringGoalContext holdDuring:
                return Modal("hold-during", holdDuring.number(), holdDuring.goalDescription() is { } held ? [held] : [], holdDuring);
            case Syntax.ComparisonGoalContext comparison:
                return Comparison(comparison);
            case Syntax.AtomGoalContext atom:
                return Word(atom.predicate) is { } predicate && Terms(atom.term()) is { } arguments
                    ? new AtomCondition(new Atom(predicate, arguments, At(atom)), At(atom))
                    : null;
            default:
                return null;
        }
    }

    private Seq<Condition> Conditions(Syntax.GoalDescriptionContext[] contexts, bool inConstraints)
    {
        var result = new List<Condition>(contexts.Length);
        foreach (var context in contexts)
        {
            if (Condition(context, inConstraints) is { } condition)
            {
                result.Add(condition);
            }
        }

        return result.ToSeq();
    }

    private TimedCondition? Timed(TimeSpecifier when, Syntax.GoalDescriptionContext? body, Syntax.GoalDescriptionContext context,
        bool inConstraints) =>
        Condition(body, inConstraints) is { } condition ? new TimedCondition(when, condition, At(context)) : null;

    private ConstraintCondition? Modal(string @operator, Syntax.NumberContext[] numberContexts, Syntax.GoalDescriptionContext[] operandContexts,
        Syntax.GoalDescriptionContext context)
    {
        var numbers = new List<double>(numberContexts.Length);
        foreach (var numberContext in numberContexts)
        {
            if (Number(numberContext) is not { } number)
            {
                return null;
            }

            numbers.Add(number);
        }

        var operands = Conditions(operandContexts, inConstraints: true);
        return operands.Count != operandContexts.Length
            ? null
            : new ConstraintCondition(@operator, numbers.ToSeq(), operands, At(context));
    }

    /// <summary>
    /// <c>(= a b)</c> compares objects when either side can only be an object (a name or a variable) or is an
    /// object fluent; otherwise it, like <c>&lt; &lt;= &gt; &gt;=</c>, compares numbers.
    /// </summary>
    private Condition? Comparison(Syntax.ComparisonGoalContext context)
    {
        var operatorContext = context.comparison();
        var left = context.numericExpr(0);
        var right = context.numericExpr(1);
        if (operatorContext is null || operatorContext.ChildCount != 1 || left is null || right is null)
        {
            return null;
        }

        var @operator = operatorContext.GetText();
        if (@operator == "=" && IsObjectEquality(left, right))
        {
            var leftTerm = ExpressionAsTerm(left);
            var rightTerm = ExpressionAsTerm(right);
            return leftTerm is null || rightTerm is null ? null : new EqualsCondition(leftTerm, rightTerm, At(context));
        }

        var leftValue = Numeric(left);
        var rightValue = Numeric(right);
        return leftValue is null || rightValue is null ? null : new ComparisonCondition(@operator, leftValue, rightValue, At(context));
    }

    private bool IsObjectEquality(Syntax.NumericExprContext left, Syntax.NumericExprContext right)
    {
        if (IsOnlyNumeric(left) || IsOnlyNumeric(right))
        {
            return false;
        }

        return IsOnlyObject(left) || IsOnlyObject(right) || IsObjectFluent(left) || IsObjectFluent(right);
    }

    private bool IsOnlyNumeric(Syntax.NumericExprContext context) => context switch
    {
        Syntax.NumberExprContext or Syntax.ArithmeticExprContext or Syntax.TimeExprContext or Syntax.IsViolatedExprContext => true,
        Syntax.VariableExprContext variable => SingleToken(variable) == DurationVariable,
        _ => false,
    };

    private bool IsOnlyObject(Syntax.NumericExprContext context) => context switch
    {
        Syntax.NameExprContext => true,
        Syntax.VariableExprContext variable => SingleToken(variable) != DurationVariable,
        _ => false,
    };

    private bool IsObjectFluent(Syntax.NumericExprContext context) =>
        context is Syntax.FunctionExprContext function && Name(function.name()) is { } name && _objectFunctions.Contains(name);

    private Atom? Atom(Syntax.NameContext? nameContext, Syntax.TermContext[] termContexts, Antlr4.Runtime.ParserRuleContext context)
    {
        if (Name(nameContext) is not { } predicate || Terms(termContexts) is not { } arguments)
        {
            return null;
        }

        return new Atom(predicate, arguments, At(context));
    }

    private void ReportVariableNotNumeric(Syntax.NumericExprContext context, string variable) =>
        Report(DiagnosticCodes.VariableNotNumeric, At(context),
            $"'{variable}' is an object variable and cannot be used as a number; use a numeric function such as (f {variable})");
}
