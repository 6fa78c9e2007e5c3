using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

internal sealed partial class AstBuilder
{
    private Effect? Effect(Syntax.EffectContext? context)
    {
        switch (context)
        {
            case Syntax.EmptyEffectContext empty:
                return new AndEffect(Seq<Effect>.Empty, At(empty));
            case Syntax.AndEffectContext and:
                return new AndEffect(Effects(and.effect()), At(and));
            case Syntax.DeleteEffectContext delete:
                return Atom(delete.name(), delete.term(), delete) is { } deleted ? new AtomEffect(deleted, true, At(delete)) : null;
            case Syntax.ForallEffectContext forall:
                return Effect(forall.effect()) is { } forallBody
                    ? new ForAllEffect(TypedList(forall.typedItem(), ListKind.Variables), forallBody, At(forall))
                    : null;
            case Syntax.WhenEffectContext conditional:
                var condition = Condition(conditional.goalDescription());
                var body = Effect(conditional.effect());
                return condition is null || body is null ? null : new WhenEffect(condition, body, At(conditional));
            case Syntax.AtStartEffectContext atStart:
                return Effect(atStart.effect()) is { } startBody ? new TimedEffect(TimeSpecifier.AtStart, startBody, At(atStart)) : null;
            case Syntax.AtEndEffectContext atEnd:
                return Effect(atEnd.effect()) is { } endBody ? new TimedEffect(TimeSpecifier.AtEnd, endBody, At(atEnd)) : null;
            case Syntax.NumericEffectContext numeric:
                return NumericEffect(numeric);
            case Syntax.AddEffectContext add:
                return Atom(add.name(), add.term(), add) is { } added ? new AtomEffect(added, false, At(add)) : null;
            default:
                return null;
        }
    }

    private Seq<Effect> Effects(Syntax.EffectContext[] contexts)
    {
        var result = new List<Effect>(contexts.Length);
        foreach (var context in contexts)
        {
            if (Effect(context) is { } effect)
            {
                result.Add(effect);
            }
        }

        return result.ToSeq();
    }

    /// <summary>
    /// <c>(assign (f ?x) VALUE)</c> sets an object fluent when f is declared object-valued or VALUE can only
    /// be an object (a name such as <c>undefined</c>, or a variable); every other update is numeric.
    /// </summary>
    private Effect? NumericEffect(Syntax.NumericEffectContext context)
    {
        var @operator = context.op is null ? null : _names.Get(context.op);
        var targetContext = context.term();
        var valueContext = context.numericExpr();
        if (@operator is null || valueContext is null || Term(targetContext) is not { } target)
        {
            return null;
        }

        if (target is VariableTerm variable)
        {
            Report(DiagnosticCodes.SyntaxError, At(targetContext!),
                $"'{@operator}' needs a function to change, as in ({@operator} (f {variable.Name}) 1), not the variable '{variable.Name}'");
            return null;
        }

        var (function, arguments) = target switch
        {
            FunctionTerm application => (application.Function, application.Arguments),
            NameTerm name => (name.Name, Seq<Term>.Empty),
            _ => (string.Empty, Seq<Term>.Empty),
        };

        var isObjectAssignment = @operator == "assign"
            && (_objectFunctions.Contains(function) || IsOnlyObject(valueContext));
        if (isObjectAssignment)
        {
            return ExpressionAsTerm(valueContext) is { } objectValue
                ? new ObjectAssignEffect(new FunctionTerm(function, arguments, target.Span), objectValue, At(context))
                : null;
        }

        return Numeric(valueContext) is { } value
            ? new NumericEffect(@operator, new FunctionExpr(function, arguments, target.Span), value, At(context))
            : null;
    }
}
