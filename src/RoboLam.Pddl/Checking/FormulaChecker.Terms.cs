using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

internal sealed partial class FormulaChecker
{
    /// <summary>Checks a term and returns its type, or null when it cannot be known (an error was reported).</summary>
    public TypeRef? TermType(Term term, Scope scope, Place place)
    {
        switch (term)
        {
            case VariableTerm variable:
                if (scope.Find(variable.Name) is { } variableType)
                {
                    return variableType;
                }

                _findings.Error(DiagnosticCodes.UndeclaredVariable, variable.Span, place.Kind is PlaceKind.Goal or PlaceKind.Constraint or PlaceKind.Metric && place.SeesObjects
                    ? $"variable '{variable.Name}' is not bound here; a goal may use variables only inside (exists ...) or (forall ...)"
                    : $"variable '{variable.Name}' is not declared; add it to :parameters or bind it with (exists ...) or (forall ...)");
                return null;
            case NameTerm name:
                return NameType(name, place.SeesObjects);
            case FunctionTerm function:
                return FunctionTermType(function, scope, place);
            default:
                return null;
        }
    }

    /// <summary>The type of a constant or, where the problem is visible, an object.</summary>
    public TypeRef? NameType(NameTerm name, bool seesObjects)
    {
        if (_symbols.Constants.TryGetValue(name.Name, out var constant))
        {
            return constant.Type;
        }

        if (seesObjects && _symbols.Objects.TryGetValue(name.Name, out var problemObject))
        {
            return problemObject.Type;
        }

        var declared = seesObjects ? _symbols.Constants.Keys.Concat(_symbols.Objects.Keys) : _symbols.Constants.Keys;
        _findings.Error(DiagnosticCodes.UndeclaredObject, name.Span, seesObjects
            ? $"'{name.Name}' is neither an object of the problem nor a constant of the domain; add it to (:objects ...){Suggest(name.Name, declared)}"
            : $"'{name.Name}' is not a constant of the domain; add it to (:constants ...), or use a ?variable{Suggest(name.Name, declared)}");
        return null;
    }

    private TypeRef? FunctionTermType(FunctionTerm term, Scope scope, Place place)
    {
        _requirements.Require(term.Span, "a function used as an object", ":object-fluents", ":fluents");
        if (!_symbols.Functions.TryGetValue(term.Function, out var function))
        {
            foreach (var argument in term.Arguments)
            {
                TermType(argument, scope, place);
            }

            ReportUndeclaredFunction(term.Function, term.Span);
            return null;
        }

        CheckArguments("function", function.Name, function.Parameters, function.Span, term.Arguments, term.Span, scope, place);
        if (function.ResultType is null)
        {
            _findings.Error(DiagnosticCodes.WrongFunctionKind, term.Span,
                $"'{function.Name}' holds numbers and cannot stand where an object is expected");
        }

        return function.ResultType;
    }

    public void CheckNumeric(NumericExpr expression, Scope scope, Place place)
    {
        switch (expression)
        {
            case NumberExpr:
                break;
            case FunctionExpr function:
                CheckNumericFunction(function, scope, place);
                break;
            case ArithmeticExpr arithmetic:
                foreach (var operand in arithmetic.Operands)
                {
                    CheckNumeric(operand, scope, place);
                }

                break;
            case DurationVariableExpr duration when !place.IsDurative:
                _findings.Error(DiagnosticCodes.MisplacedConstruct, duration.Span, "'?duration' may be used only in a :durative-action");
                break;
            case TimeVariableExpr time when place.Kind != PlaceKind.DurativeEffect:
                _findings.Error(DiagnosticCodes.MisplacedConstruct, time.Span, "'#t' may be used only in a continuous effect of a :durative-action");
                break;
            case IsViolatedExpr violated:
                if (place.Kind != PlaceKind.Metric)
                {
                    _findings.Error(DiagnosticCodes.MisplacedConstruct, violated.Span, "'(is-violated ...)' may be used only in the :metric");
                }
                else if (!_symbols.Preferences.Contains(violated.Preference))
                {
                    _findings.Error(DiagnosticCodes.UndeclaredPreference, violated.Span,
                        $"no preference is named '{violated.Preference}'; name one in the goal or the constraints with (preference {violated.Preference} ...){Suggest(violated.Preference, _symbols.Preferences)}");
                }

                break;
        }
    }

    private void CheckNumericFunction(FunctionExpr expression, Scope scope, Place place)
    {
        if (_symbols.Functions.TryGetValue(expression.Function, out var function))
        {
            CheckArguments("function", function.Name, function.Parameters, function.Span, expression.Arguments, expression.Span, scope, place);
            if (!function.IsNumeric)
            {
                _findings.Error(DiagnosticCodes.WrongFunctionKind, expression.Span,
                    $"'{function.Name}' holds objects of type {function.ResultType}, not numbers; compare it with '=' against an object");
            }

            return;
        }

        if (expression.Function == TotalTime && expression.Arguments.Count == 0 && place.Kind == PlaceKind.Metric)
        {
            return;
        }

        foreach (var argument in expression.Arguments)
        {
            TermType(argument, scope, place);
        }

        if (_symbols.Predicates.ContainsKey(expression.Function))
        {
            _findings.Error(DiagnosticCodes.WrongFunctionKind, expression.Span,
                $"'{expression.Function}' is a predicate, not a function; it is true or false and has no numeric value");
            return;
        }

        ReportUndeclaredFunction(expression.Function, expression.Span);
    }

    private void ReportUndeclaredFunction(string name, SourceSpan span) =>
        _findings.Error(DiagnosticCodes.UndeclaredFunction, span,
            $"function '{name}' is not declared; add it to (:functions ...){Suggest(name, _symbols.Functions.Keys)}");
}
