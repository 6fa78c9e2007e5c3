using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

internal sealed partial class FormulaChecker
{
    public void CheckCondition(Condition condition, Scope scope, Place place)
    {
        switch (condition)
        {
            case AtomCondition atom:
                RequireTimed(atom.Span, place);
                CheckAtom(atom.Atom, scope, place);
                break;
            case EqualsCondition equals:
                RequireTimed(equals.Span, place);
                _requirements.Require(equals.Span, "'=' between objects", ":equality");
                TermType(equals.Left, scope, place);
                TermType(equals.Right, scope, place);
                break;
            case NotCondition not:
                CheckNegation(not);
                CheckCondition(not.Operand, scope, place);
                break;
            case AndCondition and:
                foreach (var operand in and.Operands)
                {
                    CheckCondition(operand, scope, place);
                }

                break;
            case OrCondition or:
                _requirements.Require(or.Span, "'or'", ":disjunctive-preconditions");
                foreach (var operand in or.Operands)
                {
                    CheckCondition(operand, scope, place);
                }

                break;
            case ImplyCondition imply:
                _requirements.Require(imply.Span, "'imply'", ":disjunctive-preconditions");
                CheckCondition(imply.Antecedent, scope, place);
                CheckCondition(imply.Consequent, scope, place);
                break;
            case ExistsCondition exists:
                _requirements.Require(exists.Span, "'exists'", ":existential-preconditions", ":quantified-preconditions");
                CheckTypedNames(exists.Variables, "an 'exists'");
                CheckCondition(exists.Body, new Scope(scope, exists.Variables), place);
                break;
            case ForAllCondition forAll:
                _requirements.Require(forAll.Span, "'forall' in a condition", ":universal-preconditions", ":quantified-preconditions");
                CheckTypedNames(forAll.Variables, "a 'forall'");
                CheckCondition(forAll.Body, new Scope(scope, forAll.Variables), place);
                break;
            case ComparisonCondition comparison:
                CheckComparison(comparison, scope, place);
                break;
            case PreferenceCondition preference:
                CheckPreference(preference, scope, place);
                break;
            case TimedCondition timed:
                CheckTimedCondition(timed, scope, place);
                break;
            case ConstraintCondition constraint:
                CheckConstraint(constraint, scope, place);
                break;
        }
    }

    private void CheckAtom(Atom atom, Scope scope, Place place)
    {
        if (_symbols.Predicates.TryGetValue(atom.Predicate, out var predicate))
        {
            CheckArguments("predicate", atom.Predicate, predicate.Parameters, predicate.Span, atom.Arguments, atom.Span, scope, place);
            return;
        }

        foreach (var argument in atom.Arguments)
        {
            TermType(argument, scope, place);
        }

        if (_symbols.Functions.ContainsKey(atom.Predicate))
        {
            _findings.Error(DiagnosticCodes.WrongFunctionKind, atom.Span,
                $"'{atom.Predicate}' is a function, not a predicate; compare its value instead, as in (> ({atom.Predicate} ...) 0)");
            return;
        }

        _findings.Error(DiagnosticCodes.UndeclaredPredicate, atom.Span,
            $"predicate '{atom.Predicate}' is not declared; add it to (:predicates ...){Suggest(atom.Predicate, _symbols.Predicates.Keys)}");
    }

    /// <summary>Negating an atom needs :negative-preconditions; negating '=' only :equality; anything larger :disjunctive-preconditions.</summary>
    private void CheckNegation(NotCondition not)
    {
        switch (not.Operand)
        {
            case EqualsCondition:
                break;
            case AtomCondition or ComparisonCondition:
                _requirements.Require(not.Span, "'not' in a condition", ":negative-preconditions");
                break;
            default:
                _requirements.Require(not.Span, "'not' around a compound condition", ":disjunctive-preconditions", ":negative-preconditions");
                break;
        }
    }

    private void CheckComparison(ComparisonCondition comparison, Scope scope, Place place)
    {
        if (place.Kind == PlaceKind.Duration)
        {
            if (comparison.Left is not DurationVariableExpr)
            {
                _findings.Error(DiagnosticCodes.MisplacedConstruct, comparison.Span,
                    "a duration constraint compares ?duration with a value, as in (= ?duration 5)");
            }

            if (comparison.Operator != "=")
            {
                _requirements.Require(comparison.Span, $"a duration inequality '{comparison.Operator}'", ":duration-inequalities");
            }
        }
        else
        {
            RequireTimed(comparison.Span, place);
            _requirements.Require(comparison.Span, "a numeric comparison", ":numeric-fluents", ":fluents");
        }

        CheckNumeric(comparison.Left, scope, place);
        CheckNumeric(comparison.Right, scope, place);
    }

    private void CheckPreference(PreferenceCondition preference, Scope scope, Place place)
    {
        _requirements.Require(preference.Span, "a preference", ":preferences");
        if (place.Kind is not (PlaceKind.Precondition or PlaceKind.DurativeCondition or PlaceKind.Goal or PlaceKind.Constraint))
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, preference.Span,
                "a preference may stand only in a precondition, a goal or a constraint");
        }

        if (preference.Name is { } name)
        {
            _symbols.Preferences.Add(name);
        }

        CheckCondition(preference.Body, scope, place);
    }

    private void CheckTimedCondition(TimedCondition timed, Scope scope, Place place)
    {
        var keyword = timed.When switch
        {
            TimeSpecifier.AtStart => "at start",
            TimeSpecifier.AtEnd => "at end",
            _ => "over all",
        };
        var allowed = !place.InsideTimed
            && (place.Kind == PlaceKind.DurativeCondition || (place.Kind == PlaceKind.Duration && timed.When != TimeSpecifier.OverAll));
        if (!allowed)
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, timed.Span, place.InsideTimed
                ? $"'({keyword} ...)' is nested in another time specifier; write each condition under exactly one"
                : $"'({keyword} ...)' may stand only in the :condition or :duration of a :durative-action");
        }

        CheckCondition(timed.Body, scope, place with { InsideTimed = true });
    }

    private void CheckConstraint(ConstraintCondition constraint, Scope scope, Place place)
    {
        _requirements.Require(constraint.Span, $"the constraint '{constraint.Operator}'", ":constraints");
        if (place.Kind != PlaceKind.Constraint)
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, constraint.Span,
                $"'({constraint.Operator} ...)' may stand only in (:constraints ...)");
        }

        foreach (var operand in constraint.Operands)
        {
            CheckCondition(operand, scope, place);
        }
    }

    /// <summary>In a durative action's :condition every fact must say when it holds.</summary>
    private void RequireTimed(SourceSpan span, Place place)
    {
        if (place.Kind == PlaceKind.DurativeCondition && !place.InsideTimed)
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, span,
                "a condition of a durative action must say when it holds: wrap it in (at start ...), (over all ...) or (at end ...)");
        }
        else if (place.Kind == PlaceKind.Duration)
        {
            _findings.Error(DiagnosticCodes.MisplacedConstruct, span,
                "a duration constraint compares ?duration with a value, as in (= ?duration 5)");
        }
    }
}
