using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

internal sealed partial class FormulaChecker
{
    public void CheckEffect(Effect effect, Scope scope, Place place)
    {
        switch (effect)
        {
            case AtomEffect atom:
                RequireTimedEffect(atom.Span, place);
                CheckAtom(atom.Atom, scope, place);
                if (_symbols.DerivedPredicates.Contains(atom.Atom.Predicate))
                {
                    _findings.Error(DiagnosticCodes.DerivedPredicateInEffect, atom.Span,
                        $"'{atom.Atom.Predicate}' is a derived predicate: only its :derived rule decides it, so an action may not {(atom.IsDelete ? "delete" : "add")} it");
                }

                break;
            case AndEffect and:
                foreach (var part in and.Effects)
                {
                    CheckEffect(part, scope, place);
                }

                break;
            case ForAllEffect forAll:
                _requirements.Require(forAll.Span, "'forall' in an effect", ":conditional-effects");
                CheckTypedNames(forAll.Variables, "a 'forall'");
                CheckEffect(forAll.Body, new Scope(scope, forAll.Variables), place);
                break;
            case WhenEffect conditional:
                _requirements.Require(conditional.Span, "'when'", ":conditional-effects");
                var conditionPlace = place.Kind == PlaceKind.DurativeEffect
                    ? new Place(PlaceKind.DurativeCondition, place.InsideTimed)
                    : new Place(PlaceKind.Precondition);
                CheckCondition(conditional.Condition, scope, conditionPlace);
                CheckEffect(conditional.Body, scope, place);
                break;
            case NumericEffect numeric:
                CheckNumericEffect(numeric, scope, place);
                break;
            case ObjectAssignEffect assign:
                CheckObjectAssign(assign, scope, place);
                break;
            case TimedEffect timed:
                if (place.Kind != PlaceKind.DurativeEffect || place.InsideTimed)
                {
                    _findings.Error(DiagnosticCodes.MisplacedConstruct, timed.Span, place.InsideTimed
                        ? "a timed effect is nested in another; write each effect under exactly one (at start ...) or (at end ...)"
                        : "'(at start ...)' and '(at end ...)' effects may stand only in a :durative-action");
                }

                CheckEffect(timed.Body, scope, place with { InsideTimed = true });
                break;
        }
    }

    private void CheckNumericEffect(NumericEffect numeric, Scope scope, Place place)
    {
        var isContinuous = ContainsTime(numeric.Value);
        if (isContinuous)
        {
            _requirements.Require(numeric.Span, "a continuous effect (#t)", ":continuous-effects");
            if (place.Kind != PlaceKind.DurativeEffect)
            {
                _findings.Error(DiagnosticCodes.MisplacedConstruct, numeric.Span, "a continuous effect (#t) may stand only in a :durative-action");
            }
        }
        else
        {
            RequireTimedEffect(numeric.Span, place);
        }

        var target = numeric.Target;
        if (target.Function == TotalCost && target.Arguments.Count == 0)
        {
            _requirements.Require(numeric.Span, "changing total-cost", ":action-costs", ":numeric-fluents", ":fluents");
        }
        else
        {
            _requirements.Require(numeric.Span, $"'{numeric.Operator}'", ":numeric-fluents", ":fluents");
        }

        if (_symbols.Functions.TryGetValue(target.Function, out var function) && !function.IsNumeric)
        {
            _findings.Error(DiagnosticCodes.WrongFunctionKind, numeric.Span,
                $"'{target.Function}' holds objects of type {function.ResultType}; set it with (assign ({target.Function} ...) OBJECT), not '{numeric.Operator}' with a number");
            CheckArguments("function", function.Name, function.Parameters, function.Span, target.Arguments, target.Span, scope, place);
        }
        else
        {
            CheckNumeric(target, scope, place);
        }

        CheckNumeric(numeric.Value, scope, place);
    }

    private void CheckObjectAssign(ObjectAssignEffect assign, Scope scope, Place place)
    {
        RequireTimedEffect(assign.Span, place);
        _requirements.Require(assign.Span, "assigning an object to a function", ":object-fluents", ":fluents");
        var target = assign.Target;
        if (!_symbols.Functions.TryGetValue(target.Function, out var function))
        {
            ReportUndeclaredFunction(target.Function, target.Span);
            return;
        }

        CheckArguments("function", function.Name, function.Parameters, function.Span, target.Arguments, target.Span, scope, place);
        if (function.ResultType is not { } resultType)
        {
            _findings.Error(DiagnosticCodes.WrongFunctionKind, assign.Span,
                $"'{function.Name}' holds numbers; assign it a number, not the object '{Show(assign.Value)}'");
            return;
        }

        if (assign.Value is NameTerm { Name: "undefined" })
        {
            return;
        }

        if (TermType(assign.Value, scope, place) is { } valueType && _types.IsDeclaredAll(valueType) && _types.IsDeclaredAll(resultType)
            && !_types.Fits(valueType, resultType))
        {
            _findings.Error(DiagnosticCodes.WrongArgumentType, assign.Value.Span,
                $"'{Show(assign.Value)}' is of type {valueType}, but '{function.Name}' holds {resultType}");
        }
    }

    /// <summary>In a durative action's :effect every change must say when it happens.</summary>
    private void RequireTimedEffect(SourceSpan span, Place place)
    {
        if (place.Kind == PlaceKind.DurativeEffect && !place.InsideTimed)
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, span,
                "an effect of a durative action must say when it happens: wrap it in (at start ...) or (at end ...)");
        }
    }

    private static bool ContainsTime(NumericExpr expression) => expression switch
    {
        TimeVariableExpr => true,
        ArithmeticExpr arithmetic => arithmetic.Operands.Any(ContainsTime),
        _ => false,
    };
}
