using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>Checks a domain's declarations and fills the symbol table that its formulas and its problems are checked against.</summary>
internal sealed class DomainChecker
{
    private readonly Domain _domain;
    private readonly Symbols _symbols;
    private readonly Requirements _requirements;
    private readonly Findings _findings;
    private readonly FormulaChecker _formulas;

    public DomainChecker(Domain domain, Symbols symbols, TypeHierarchy types, Requirements requirements, Findings findings)
    {
        _domain = domain;
        _symbols = symbols;
        _requirements = requirements;
        _findings = findings;
        _formulas = new FormulaChecker(symbols, types, requirements, findings);
    }

    public FormulaChecker Formulas => _formulas;

    public void Check()
    {
        Requirements.CheckKnown(_domain.Requirements, _domain.Span, _findings);
        foreach (var type in _domain.Types)
        {
            _formulas.CheckType(type.Parent, type.Span);
            _requirements.Require(type.Span, "a typed name", ":typing");
        }

        DeclareConstants();
        DeclarePredicates();
        DeclareFunctions();
        DeclareDerivedPredicates();

        if (_domain.Constraints is { } constraints)
        {
            _requirements.Require(constraints.Span, "a (:constraints ...) section", ":constraints");
            _formulas.CheckCondition(constraints, Scope.Empty, new Place(PlaceKind.Constraint));
        }

        var actionNames = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var action in _domain.Actions)
        {
            DeclareAction(actionNames, action.Name, action.Span);
            CheckAction(action);
        }

        foreach (var action in _domain.DurativeActions)
        {
            DeclareAction(actionNames, action.Name, action.Span);
            CheckDurativeAction(action);
        }

        foreach (var derived in _domain.DerivedPredicates)
        {
            _formulas.CheckCondition(derived.Body, new Scope(null, derived.Parameters), new Place(PlaceKind.DerivedBody));
        }
    }

    private void DeclareConstants()
    {
        _formulas.CheckTypedNames(_domain.Constants, "(:constants ...)");
        foreach (var constant in _domain.Constants)
        {
            _symbols.Constants.TryAdd(constant.Name, constant);
        }
    }

    private void DeclarePredicates()
    {
        foreach (var predicate in _domain.Predicates)
        {
            _formulas.CheckTypedNames(predicate.Parameters, $"the parameters of '{predicate.Name}'", Severity.Warning);
            if (_symbols.Predicates.TryGetValue(predicate.Name, out var first))
            {
                _findings.Error(DiagnosticCodes.Duplicate, predicate.Span,
                    $"predicate '{predicate.Name}' is declared twice (first at {first.Span}); remove one declaration");
                continue;
            }

            _symbols.Predicates.Add(predicate.Name, predicate);
        }
    }

    private void DeclareFunctions()
    {
        foreach (var function in _domain.Functions)
        {
            _formulas.CheckTypedNames(function.Parameters, $"the parameters of '{function.Name}'", Severity.Warning);
            if (function.ResultType is { } resultType)
            {
                _requirements.Require(function.Span, "an object-valued function", ":object-fluents", ":fluents");
                _formulas.CheckType(resultType, function.Span);
            }
            else if (function.Name == "total-cost" && function.Parameters.Count == 0)
            {
                _requirements.Require(function.Span, "the function total-cost", ":action-costs", ":numeric-fluents", ":fluents");
            }
            else
            {
                // :action-costs allows further numeric functions as long as only total-cost changes (IPC 2008 rules).
                _requirements.Require(function.Span, "a numeric function", ":numeric-fluents", ":fluents", ":action-costs");
            }

            if (_symbols.Functions.TryGetValue(function.Name, out var first))
            {
                _findings.Error(DiagnosticCodes.Duplicate, function.Span,
                    $"function '{function.Name}' is declared twice (first at {first.Span}); remove one declaration");
                continue;
            }

            if (_symbols.Predicates.TryGetValue(function.Name, out var predicate))
            {
                _findings.Error(DiagnosticCodes.Duplicate, function.Span,
                    $"'{function.Name}' is declared both as a predicate (at {predicate.Span}) and as a function; rename one of them");
                continue;
            }

            _symbols.Functions.Add(function.Name, function);
        }
    }

    private void DeclareDerivedPredicates()
    {
        foreach (var derived in _domain.DerivedPredicates)
        {
            _requirements.Require(derived.Span, "a (:derived ...) rule", ":derived-predicates");
            _formulas.CheckTypedNames(derived.Parameters, $"the parameters of the rule for '{derived.Name}'");
            if (!_symbols.Predicates.TryGetValue(derived.Name, out var predicate))
            {
                _findings.Error(DiagnosticCodes.UndeclaredPredicate, derived.Span,
                    $"derived predicate '{derived.Name}' is not declared; add ({derived.Name} ...) to (:predicates ...)");
                continue;
            }

            if (predicate.Parameters.Count != derived.Parameters.Count)
            {
                _findings.Error(DiagnosticCodes.WrongArity, derived.Span,
                    $"the rule for '{derived.Name}' has {derived.Parameters.Count} parameters but the predicate is declared with {predicate.Parameters.Count} (at {predicate.Span})");
            }

            _symbols.DerivedPredicates.Add(derived.Name);
        }
    }

    private void DeclareAction(Dictionary<string, SourceSpan> names, string name, SourceSpan span)
    {
        if (!names.TryAdd(name, span))
        {
            _findings.Error(DiagnosticCodes.Duplicate, span, $"action '{name}' is defined twice (first at {names[name]}); rename or remove one");
        }
    }

    private void CheckAction(ActionDef action)
    {
        _formulas.CheckTypedNames(action.Parameters, $"the parameters of '{action.Name}'");
        var scope = new Scope(null, action.Parameters);
        if (action.Precondition is { } precondition)
        {
            _formulas.CheckCondition(precondition, scope, new Place(PlaceKind.Precondition));
        }

        if (action.Effect is { } effect)
        {
            _formulas.CheckEffect(effect, scope, new Place(PlaceKind.Effect));
        }
    }

    private void CheckDurativeAction(DurativeActionDef action)
    {
        _requirements.Require(action.Span, "a :durative-action", ":durative-actions");
        _formulas.CheckTypedNames(action.Parameters, $"the parameters of '{action.Name}'");
        var scope = new Scope(null, action.Parameters);
        if (action.Duration is { } duration)
        {
            _formulas.CheckCondition(duration, scope, new Place(PlaceKind.Duration));
        }
        else
        {
            _findings.Error(DiagnosticCodes.MisplacedSection, action.Span,
                $"durative action '{action.Name}' has no :duration; add one such as :duration (= ?duration 1)");
        }

        if (action.Condition is { } condition)
        {
            _formulas.CheckCondition(condition, scope, new Place(PlaceKind.DurativeCondition));
        }

        if (action.Effect is { } effect)
        {
            _formulas.CheckEffect(effect, scope, new Place(PlaceKind.DurativeEffect));
        }
    }
}
