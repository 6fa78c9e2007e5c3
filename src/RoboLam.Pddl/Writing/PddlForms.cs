using RoboLam.Pddl.Ast;
using static RoboLam.Pddl.Writing.SExpr;

namespace RoboLam.Pddl.Writing;

/// <summary>
/// The AST as PDDL forms, in the one spelling the parser reads back into an equal tree: lower case,
/// sections in the order of the PDDL grammar, '- object' left out only where that changes nothing.
/// </summary>
internal static class PddlForms
{
    public static SExpr Domain(Domain domain)
    {
        var forms = new List<SExpr> { Word("define"), List(Word("domain"), Word(domain.Name)) };
        if (domain.Requirements.Count > 0)
        {
            forms.Add(List([Word(":requirements"), .. domain.Requirements.Select(Word)]));
        }

        if (domain.Types.Count > 0)
        {
            forms.Add(List([Word(":types"), .. TypedList(domain.Types.Select(type => (type.Name, type.Parent)))]));
        }

        if (domain.Constants.Count > 0)
        {
            forms.Add(List([Word(":constants"), .. TypedList(domain.Constants)]));
        }

        if (domain.Predicates.Count > 0)
        {
            forms.Add(List([Word(":predicates"), .. domain.Predicates.Select(predicate => Head(predicate.Name, predicate.Parameters))]));
        }

        if (domain.Functions.Count > 0)
        {
            var functions = new List<SExpr> { Word(":functions") };
            foreach (var function in domain.Functions)
            {
                functions.Add(Head(function.Name, function.Parameters));
                functions.Add(Word("-"));
                functions.Add(function.ResultType is { } type ? Type(type) : Word("number"));
            }

            forms.Add(List(functions));
        }

        if (domain.Constraints is { } constraints)
        {
            forms.Add(List(Word(":constraints"), Condition(constraints)));
        }

        forms.AddRange(domain.Actions.Select(Action));
        forms.AddRange(domain.DurativeActions.Select(DurativeAction));
        forms.AddRange(domain.DerivedPredicates.Select(derived =>
            List(Word(":derived"), Head(derived.Name, derived.Parameters), Condition(derived.Body))));
        return List(forms);
    }

    public static SExpr Problem(Problem problem)
    {
        var forms = new List<SExpr>
        {
            Word("define"),
            List(Word("problem"), Word(problem.Name)),
            List(Word(":domain"), Word(problem.DomainName)),
        };
        if (problem.Requirements.Count > 0)
        {
            forms.Add(List([Word(":requirements"), .. problem.Requirements.Select(Word)]));
        }

        if (problem.Objects.Count > 0)
        {
            forms.Add(List([Word(":objects"), .. TypedList(problem.Objects)]));
        }

        forms.Add(List([Word(":init"), .. problem.Init.Select(Init)]));
        if (problem.Goal is { } goal)
        {
            forms.Add(List(Word(":goal"), Condition(goal)));
        }

        if (problem.Constraints is { } constraints)
        {
            forms.Add(List(Word(":constraints"), Condition(constraints)));
        }

        if (problem.Metric is { } metric)
        {
            forms.Add(List(Word(":metric"), Word(metric.Minimize ? "minimize" : "maximize"), Numeric(metric.Expression)));
        }

        return List(forms);
    }

    private static SExpr Action(ActionDef action)
    {
        var forms = new List<SExpr> { Word(":action"), Word(action.Name), Word(":parameters"), List(TypedList(action.Parameters)) };
        if (action.Precondition is { } precondition)
        {
            forms.Add(Word(":precondition"));
            forms.Add(Condition(precondition));
        }

        if (action.Effect is { } effect)
        {
            forms.Add(Word(":effect"));
            forms.Add(Effect(effect));
        }

        return List(forms);
    }

    private static SExpr DurativeAction(DurativeActionDef action)
    {
        var forms = new List<SExpr> { Word(":durative-action"), Word(action.Name), Word(":parameters"), List(TypedList(action.Parameters)) };
        if (action.Duration is { } duration)
        {
            forms.Add(Word(":duration"));
            forms.Add(Condition(duration));
        }

        if (action.Condition is { } condition)
        {
            forms.Add(Word(":condition"));
            forms.Add(Condition(condition));
        }

        if (action.Effect is { } effect)
        {
            forms.Add(Word(":effect"));
            forms.Add(Effect(effect));
        }

        return List(forms);
    }

    private static SExpr Head(string name, Seq<TypedName> parameters) => List([Word(name), .. TypedList(parameters)]);

    private static IEnumerable<SExpr> TypedList(Seq<TypedName> names) => TypedList(names.Select(name => (name.Name, name.Type)));

    /// <summary>
    /// "a b - t c - object": runs of equal type share one '- TYPE'; the last run omits '- object', which is what
    /// an untyped name means anyway (writing it elsewhere keeps later runs from taking the wrong type).
    /// </summary>
    private static List<SExpr> TypedList(IEnumerable<(string Name, TypeRef Type)> names)
    {
        var list = names.ToList();
        var lastRunStart = list.Count - 1;
        while (lastRunStart > 0 && list[lastRunStart - 1].Type == list[^1].Type)
        {
            lastRunStart--;
        }

        var result = new List<SExpr>(list.Count + 4);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(Word(list[i].Name));
            var endOfRun = i == list.Count - 1 || list[i + 1].Type != list[i].Type;
            if (endOfRun && !(i >= lastRunStart && list[i].Type == TypeRef.Object))
            {
                result.Add(Word("-"));
                result.Add(Type(list[i].Type));
            }
        }

        return result;
    }

    private static SExpr Type(TypeRef type) =>
        type.IsEither ? List([Word("either"), .. type.Alternatives.Select(Word)]) : Word(type.Alternatives[0]);

    public static SExpr Condition(Condition condition) => condition switch
    {
        AtomCondition atom => Atom(atom.Atom),
        EqualsCondition equals => List(Word("="), Term(equals.Left), Term(equals.Right)),
        NotCondition not => List(Word("not"), Condition(not.Operand)),
        AndCondition and => List([Word("and"), .. and.Operands.Select(Condition)]),
        OrCondition or => List([Word("or"), .. or.Operands.Select(Condition)]),
        ImplyCondition imply => List(Word("imply"), Condition(imply.Antecedent), Condition(imply.Consequent)),
        ExistsCondition exists => List(Word("exists"), List(TypedList(exists.Variables)), Condition(exists.Body)),
        ForAllCondition forAll => List(Word("forall"), List(TypedList(forAll.Variables)), Condition(forAll.Body)),
        ComparisonCondition comparison => List(Word(comparison.Operator), Numeric(comparison.Left), Numeric(comparison.Right)),
        PreferenceCondition preference => preference.Name is { } name
            ? List(Word("preference"), Word(name), Condition(preference.Body))
            : List(Word("preference"), Condition(preference.Body)),
        TimedCondition timed => List([.. Time(timed.When), Condition(timed.Body)]),
        ConstraintCondition constraint => List(
            [Word(constraint.Operator), .. constraint.Numbers.Select(Number), .. constraint.Operands.Select(Condition)]),
        _ => throw new ArgumentException($"unknown condition {condition.GetType().Name}", nameof(condition)),
    };

    private static SExpr[] Time(TimeSpecifier when) => when switch
    {
        TimeSpecifier.AtStart => [Word("at"), Word("start")],
        TimeSpecifier.AtEnd => [Word("at"), Word("end")],
        _ => [Word("over"), Word("all")],
    };

    private static SExpr Effect(Effect effect) => effect switch
    {
        AtomEffect { IsDelete: true } delete => List(Word("not"), Atom(delete.Atom)),
        AtomEffect add => Atom(add.Atom),
        AndEffect and => List([Word("and"), .. and.Effects.Select(Effect)]),
        ForAllEffect forAll => List(Word("forall"), List(TypedList(forAll.Variables)), Effect(forAll.Body)),
        WhenEffect conditional => List(Word("when"), Condition(conditional.Condition), Effect(conditional.Body)),
        NumericEffect numeric => List(Word(numeric.Operator), Numeric(numeric.Target), Numeric(numeric.Value)),
        ObjectAssignEffect assign => List(Word("assign"), Term(assign.Target), Term(assign.Value)),
        TimedEffect timed => List([.. Time(timed.When), Effect(timed.Body)]),
        _ => throw new ArgumentException($"unknown effect {effect.GetType().Name}", nameof(effect)),
    };

    private static SExpr Init(InitElement element) => element switch
    {
        InitAtom { IsNegated: true } negated => List(Word("not"), Atom(negated.Atom)),
        InitAtom atom => Atom(atom.Atom),
        InitNumeric numeric => List(Word("="), Numeric(numeric.Target), Number(numeric.Value)),
        InitObject objectValue => List(Word("="), Term(objectValue.Target), Word(objectValue.Value)),
        TimedInit timed => List(Word("at"), Number(timed.Time), Init(timed.Element)),
        _ => throw new ArgumentException($"unknown initial element {element.GetType().Name}", nameof(element)),
    };

    private static SExpr Atom(Atom atom) => List([Word(atom.Predicate), .. atom.Arguments.Select(Term)]);

    private static SExpr Term(Term term) => term switch
    {
        VariableTerm variable => Word(variable.Name),
        NameTerm name => Word(name.Name),
        FunctionTerm function => List([Word(function.Function), .. function.Arguments.Select(Term)]),
        _ => throw new ArgumentException($"unknown term {term.GetType().Name}", nameof(term)),
    };

    private static SExpr Numeric(NumericExpr expression) => expression switch
    {
        NumberExpr number => Number(number.Value),
        FunctionExpr function => List([Word(function.Function), .. function.Arguments.Select(Term)]),
        ArithmeticExpr arithmetic => List([Word(arithmetic.Operator), .. arithmetic.Operands.Select(Numeric)]),
        DurationVariableExpr => Word("?duration"),
        TimeVariableExpr => Word("#t"),
        IsViolatedExpr violated => List(Word("is-violated"), Word(violated.Preference)),
        _ => throw new ArgumentException($"unknown expression {expression.GetType().Name}", nameof(expression)),
    };

    private static SExpr Number(double value) => Word(NumberText.Format(value));
}
