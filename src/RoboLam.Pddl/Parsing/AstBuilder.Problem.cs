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
                    init.EnsureCapacity(init.Count + initSection.ChildCount);
                    for (var i = 0; i < initSection.ChildCount; i++)
                    {
                        if (InitElement(initSection.GetChild(i)) is { } initElement)
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

    /// <summary>A fact of :init, or null for anything else (the section's own tokens, forms broken by errors).</summary>
    private InitElement? InitElement(Antlr4.Runtime.Tree.IParseTree? node)
    {
        switch (node)
        {
            case Syntax.GroundAtomContext atom:
                return GroundAtom(atom) is { } fact ? new InitAtom(fact, false, At(atom)) : null;
            case Syntax.TimedInitContext timed:
                var time = Number(timed.number());
                var element = InitElement((Antlr4.Runtime.Tree.IParseTree?)timed.groundAtom() ?? timed.initElement());
                return time is null || element is null ? null : new TimedInit(time.Value, element, At(timed));
            case Syntax.FunctionInitContext function:
                return FunctionInit(function);
            case Syntax.NegatedInitContext negated:
                return GroundAtom(negated.groundAtom()) is { } negatedAtom ? new InitAtom(negatedAtom, true, At(negated)) : null;
            default:
                return null;
        }
    }

    /// <summary>(p a b): the predicate token, then one object name per token up to the ')'.</summary>
    private Atom? GroundAtom(Syntax.GroundAtomContext? context)
    {
        if (context is null || !IsWhole(context) || Word(context.predicate) is not { } predicate)
        {
            return null;
        }

        return new Atom(predicate, GroundNames(context.Start.TokenIndex + 2, context.Stop.TokenIndex), At(context));
    }

    /// <summary>The tokens from index <paramref name="first"/> up to (not including) <paramref name="end"/>, as object names.</summary>
    private Seq<Term> GroundNames(int first, int end)
    {
        if (end <= first)
        {
            return Seq<Term>.Empty;
        }

        var arguments = new Term[end - first];
        for (var i = first; i < end; i++)
        {
            var token = _tokens[i];
            arguments[i - first] = new NameTerm(_names.Get(token), At(token));
        }

        return Seq.Own<Term>(arguments);
    }

    /// <summary><c>(= (f a) 3)</c> sets a numeric fluent, <c>(= (f a) b)</c> an object fluent.</summary>
    private InitElement? FunctionInit(Syntax.FunctionInitContext context)
    {
        string? function;
        Seq<Term>? arguments;
        switch (context.groundFunction())
        {
            case Syntax.AppliedFunctionContext applied when IsWhole(applied) && applied.Stop.TokenIndex - applied.Start.TokenIndex >= 2:
                function = _names.Get(_tokens[applied.Start.TokenIndex + 1]);
                arguments = GroundNames(applied.Start.TokenIndex + 2, applied.Stop.TokenIndex);
                break;
            case Syntax.ConstantFunctionContext constant:
                function = Word(constant.word);
                arguments = Seq<Term>.Empty;
                break;
            default:
                return null;
        }

        if (function is null || arguments is null)
        {
            return null;
        }

        var targetSpan = At(context.groundFunction());
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
