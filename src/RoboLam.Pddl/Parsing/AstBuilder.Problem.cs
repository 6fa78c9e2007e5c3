using Antlr4.Runtime.Tree;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

internal sealed partial class AstBuilder
{
    public Problem BuildProblem(Syntax.ProblemFileContext context)
    {
        string? domainName = null;
        var requirements = new List<string>();
        var objects = new List<TypedName>();
        var init = new List<InitElement>();
        Condition? goal = null;
        Condition? constraints = null;
        Metric? metric = null;
        var seenSections = new HashSet<int>();

        foreach (var item in context.problemItem())
        {
            if (item.ChildCount > 1 && item.GetChild(1) is ITerminalNode keyword && !seenSections.Add(keyword.Symbol.Type))
            {
                Report(DiagnosticCodes.RepeatedSection, At(item),
                    $"the section '{keyword.GetText().ToLowerInvariant()}' appears twice; merge the two into one");
            }

            switch (item)
            {
                case Syntax.DomainReferenceContext reference:
                    domainName = Name(reference.name()) ?? domainName;
                    break;
                case Syntax.ProblemRequirementsContext requirementsSection:
                    requirements.AddRange(Requirements(requirementsSection.requirementKey()));
                    break;
                case Syntax.ObjectsSectionContext objectsSection:
                    objects.AddRange(TypedList(objectsSection.typedItem(), ListKind.Names));
                    break;
                case Syntax.InitSectionContext initSection:
                    foreach (var element in initSection.initElement())
                    {
                        if (InitElement(element) is { } initElement)
                        {
                            init.Add(initElement);
                        }
                    }

                    break;
                case Syntax.GoalSectionContext goalSection:
                    goal = Condition(goalSection.goalDescription());
                    break;
                case Syntax.ProblemConstraintsSectionContext constraintsSection:
                    constraints = Condition(constraintsSection.goalDescription(), inConstraints: true);
                    break;
                case Syntax.MetricSectionContext metricSection:
                    metric = Metric(metricSection);
                    break;
            }
        }

        var span = At(context);
        if (domainName is null && !seenSections.Contains(Syntax.DOMAIN_KEY))
        {
            Report(DiagnosticCodes.MisplacedSection, span, "the problem does not name its domain; add (:domain NAME) after (problem NAME)");
        }

        if (!seenSections.Contains(Syntax.GOAL))
        {
            Report(DiagnosticCodes.MisplacedSection, span, "the problem has no goal; add (:goal CONDITION)");
        }

        return new Problem(
            Name(context.name()) ?? string.Empty,
            domainName ?? string.Empty,
            requirements.ToSeq(),
            objects.ToSeq(),
            init.ToSeq(),
            goal,
            constraints,
            metric,
            span);
    }

    private InitElement? InitElement(Syntax.InitElementContext? context)
    {
        switch (context)
        {
            case Syntax.TimedInitContext timed:
                var time = Number(timed.number());
                var element = InitElement(timed.initElement());
                return time is null || element is null ? null : new TimedInit(time.Value, element, At(timed));
            case Syntax.FunctionInitContext function:
                return FunctionInit(function);
            case Syntax.NegatedInitContext negated:
                return Atom(negated.name(), negated.term(), negated) is { } negatedAtom ? new InitAtom(negatedAtom, true, At(negated)) : null;
            case Syntax.AtomInitContext atom:
                return Atom(atom.name(), atom.term(), atom) is { } fact ? new InitAtom(fact, false, At(atom)) : null;
            default:
                return null;
        }
    }

    /// <summary><c>(= (f a) 3)</c> sets a numeric fluent, <c>(= (f a) b)</c> an object fluent.</summary>
    private InitElement? FunctionInit(Syntax.FunctionInitContext context)
    {
        var (function, arguments) = Term(context.term()) switch
        {
            FunctionTerm application => (application.Function, application.Arguments),
            NameTerm name => (name.Name, Seq<Term>.Empty),
            VariableTerm variable => ReportVariableInInit(variable),
            _ => (null, Seq<Term>.Empty),
        };

        if (function is null)
        {
            return null;
        }

        var targetSpan = At(context.term());
        switch (context.initValue())
        {
            case Syntax.NumberValueContext number when Number(number.number()) is { } value:
                return new InitNumeric(new FunctionExpr(function, arguments, targetSpan), value, At(context));
            case Syntax.ObjectValueContext objectValue when Name(objectValue.name()) is { } name:
                return new InitObject(new FunctionTerm(function, arguments, targetSpan), name, At(context));
            default:
                return null;
        }
    }

    private (string?, Seq<Term>) ReportVariableInInit(VariableTerm variable)
    {
        Report(DiagnosticCodes.SyntaxError, variable.Span,
            $"'{variable.Name}' is a variable; the initial state sets functions of objects, as in (= (f a) 1)");
        return (null, Seq<Term>.Empty);
    }

    private Metric? Metric(Syntax.MetricSectionContext context)
    {
        var direction = Name(context.name());
        var expression = Numeric(context.numericExpr());
        if (direction is not ("minimize" or "maximize"))
        {
            if (direction is not null)
            {
                Report(DiagnosticCodes.BadMetricDirection, At(context.name()),
                    $"the metric must start with 'minimize' or 'maximize', not '{direction}'");
            }

            return null;
        }

        return expression is null ? null : new Metric(direction == "minimize", expression, At(context));
    }
}
