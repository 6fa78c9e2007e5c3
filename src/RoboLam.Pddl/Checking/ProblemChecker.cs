using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>Checks a problem against its (already checked) domain.</summary>
internal sealed class ProblemChecker
{
    private readonly Domain _domain;
    private readonly Problem _problem;
    private readonly Symbols _symbols;
    private readonly TypeHierarchy _types;
    private readonly Requirements _requirements;
    private readonly Findings _findings;
    private readonly FormulaChecker _formulas;

    public ProblemChecker(Domain domain, Problem problem, Symbols symbols, TypeHierarchy types, Requirements requirements,
        Findings findings, FormulaChecker formulas)
    {
        _domain = domain;
        _problem = problem;
        _symbols = symbols;
        _types = types;
        _requirements = requirements;
        _findings = findings;
        _formulas = formulas;
    }

    public void Check()
    {
        if (_problem.DomainName.Length > 0 && _problem.DomainName != _domain.Name)
        {
            _findings.Error(DiagnosticCodes.DomainMismatch, _problem.Span,
                $"problem '{_problem.Name}' is for domain '{_problem.DomainName}', but the domain given is '{_domain.Name}' ({_domain.Span.File}); check the (:domain ...) name or the file");
        }

        Requirements.CheckKnown(_problem.Requirements, _problem.Span, _findings);
        DeclareObjects();
        foreach (var element in _problem.Init)
        {
            CheckInit(element, isTimed: false);
        }

        var goalPlace = new Place(PlaceKind.Goal, SeesObjects: true);
        if (_problem.Goal is { } goal)
        {
            _formulas.CheckCondition(goal, Scope.Empty, goalPlace);
        }

        if (_problem.Constraints is { } constraints)
        {
            _requirements.Require(constraints.Span, "a (:constraints ...) section", ":constraints");
            _formulas.CheckCondition(constraints, Scope.Empty, new Place(PlaceKind.Constraint, SeesObjects: true));
        }

        if (_problem.Metric is { } metric)
        {
            _formulas.CheckNumeric(metric.Expression, Scope.Empty, new Place(PlaceKind.Metric, SeesObjects: true));
        }
    }

    private void DeclareObjects()
    {
        _formulas.CheckTypedNames(_problem.Objects, "(:objects ...)");
        foreach (var declared in _problem.Objects)
        {
            if (_symbols.Constants.TryGetValue(declared.Name, out var constant))
            {
                var sameType = constant.Type == declared.Type;
                _findings.Add(DiagnosticCodes.Duplicate, sameType ? Severity.Warning : Severity.Error, declared.Span, sameType
                    ? $"'{declared.Name}' is already a constant of the domain (at {constant.Span}); remove it from (:objects ...)"
                    : $"'{declared.Name}' is already a constant of the domain of type {constant.Type} (at {constant.Span}), here of type {declared.Type}; remove it from (:objects ...)");
                continue;
            }

            _symbols.Objects.TryAdd(declared.Name, declared);
        }
    }

    private void CheckInit(InitElement element, bool isTimed)
    {
        var place = new Place(PlaceKind.Goal, SeesObjects: true);
        switch (element)
        {
            case InitAtom atom:
                CheckGround(atom.Atom.Arguments);
                _formulas.CheckCondition(new AtomCondition(atom.Atom, atom.Span), Scope.Empty, place);
                if (_symbols.DerivedPredicates.Contains(atom.Atom.Predicate))
                {
                    _findings.Error(DiagnosticCodes.DerivedPredicateInEffect, atom.Span,
                        $"'{atom.Atom.Predicate}' is a derived predicate: its :derived rule decides it, so the initial state may not list it");
                }

                break;
            case InitNumeric numeric:
                CheckGround(numeric.Target.Arguments);
                if (numeric.Target.Function == "total-cost")
                {
                    _requirements.Require(numeric.Span, "setting total-cost", ":action-costs", ":numeric-fluents", ":fluents");
                }
                else
                {
                    _requirements.Require(numeric.Span, "an initial numeric value", ":numeric-fluents", ":fluents", ":action-costs");
                }

                _formulas.CheckNumeric(numeric.Target, Scope.Empty, place);
                break;
            case InitObject objectValue:
                CheckGround(objectValue.Target.Arguments);
                CheckInitObject(objectValue, place);
                break;
            case TimedInit timed:
                _requirements.Require(timed.Span, "a timed initial literal (at TIME FACT)", ":timed-initial-literals");
                if (isTimed || timed.Element is TimedInit)
                {
                    _findings.Error(DiagnosticCodes.MisplacedConstruct, timed.Span, "a timed initial literal cannot contain another; write (at TIME FACT)");
                }

                if (timed.Time < 0)
                {
                    _findings.Error(DiagnosticCodes.MisplacedConstruct, timed.Span, $"a timed initial literal happens at a time of 0 or later, not {timed.Time}");
                }

                CheckInit(timed.Element, isTimed: true);
                break;
        }
    }

    private void CheckInitObject(InitObject init, Place place)
    {
        if (_formulas.TermType(init.Target, Scope.Empty, place) is not { } resultType)
        {
            return;
        }

        if (init.Value == "undefined")
        {
            return;
        }

        if (_formulas.NameType(new NameTerm(init.Value, init.Span), seesObjects: true) is { } valueType
            && _types.IsDeclaredAll(valueType) && _types.IsDeclaredAll(resultType) && !_types.Fits(valueType, resultType))
        {
            _findings.Error(DiagnosticCodes.WrongArgumentType, init.Span,
                $"'{init.Value}' is of type {valueType}, but '{init.Target.Function}' holds {resultType}");
        }
    }

    /// <summary>The initial state is ground: it names objects, never variables.</summary>
    private void CheckGround(Seq<Term> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is VariableTerm variable)
            {
                _findings.Error(DiagnosticCodes.UndeclaredVariable, variable.Span,
                    $"the initial state cannot contain the variable '{variable.Name}'; name an object instead");
            }
            else if (argument is FunctionTerm function)
            {
                CheckGround(function.Arguments);
            }
        }
    }
}
