using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Tests;

/// <summary>Terse builders for AST nodes, so semantic tests read close to the PDDL they stand for.</summary>
internal static class Pddl
{
    private static readonly SourceSpan s_none = SourceSpan.None;

    public static Term Term(string name) =>
        name.StartsWith('?') ? new VariableTerm(name, s_none) : new NameTerm(name, s_none);

    public static Atom RawAtom(string predicate, params string[] arguments) =>
        new(predicate, arguments.Select(Term).ToSeq(), s_none);

    public static Condition Atom(string predicate, params string[] arguments) =>
        new AtomCondition(RawAtom(predicate, arguments), s_none);

    public static Condition Not(Condition operand) => new NotCondition(operand, s_none);

    public static Condition And(params Condition[] operands) => new AndCondition(operands.ToSeq(), s_none);

    public static Condition Or(params Condition[] operands) => new OrCondition(operands.ToSeq(), s_none);

    public static Condition Imply(Condition antecedent, Condition consequent) =>
        new ImplyCondition(antecedent, consequent, s_none);

    public static Condition Equal(string left, string right) => new EqualsCondition(Term(left), Term(right), s_none);

    /// <summary><c>ForAll("?x - block", body)</c>.</summary>
    public static Condition ForAll(string variables, Condition body) => new ForAllCondition(Typed(variables), body, s_none);

    public static Condition Exists(string variables, Condition body) => new ExistsCondition(Typed(variables), body, s_none);

    public static Condition Always(Condition operand) => Modal("always", operand);

    public static Condition Modal(string modal, params Condition[] operands) =>
        new ConstraintCondition(modal, Seq<double>.Empty, operands.ToSeq(), s_none);

    public static Condition Compare(string comparison, NumericExpr left, NumericExpr right) =>
        new ComparisonCondition(comparison, left, right, s_none);

    public static Effect Add(string predicate, params string[] arguments) => new AtomEffect(RawAtom(predicate, arguments), false, s_none);

    public static Effect Delete(string predicate, params string[] arguments) => new AtomEffect(RawAtom(predicate, arguments), true, s_none);

    public static Effect Effects(params Effect[] effects) => new AndEffect(effects.ToSeq(), s_none);

    public static Effect When(Condition condition, Effect body) => new WhenEffect(condition, body, s_none);

    public static Effect ForAllEffect(string variables, Effect body) => new ForAllEffect(Typed(variables), body, s_none);

    public static Effect IncreaseTotalCost(NumericExpr amount) =>
        new NumericEffect("increase", Function("total-cost"), amount, s_none);

    public static Effect Numeric(string operation, FunctionExpr target, NumericExpr amount) =>
        new NumericEffect(operation, target, amount, s_none);

    public static NumberExpr Number(double value) => new(value, s_none);

    public static FunctionExpr Function(string name, params string[] arguments) =>
        new(name, arguments.Select(Term).ToSeq(), s_none);

    /// <summary><c>Typed("?b ?c - block ?t - table")</c> or <c>Typed("a b - block")</c>; an untyped tail is <c>object</c>.</summary>
    public static Seq<TypedName> Typed(string declaration)
    {
        var result = new List<TypedName>();
        var pending = new List<string>();
        var words = declaration.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var index = 0; index < words.Length; index++)
        {
            if (words[index] == "-")
            {
                var type = ParseType(words, ref index);
                result.AddRange(pending.Select(name => new TypedName(name, type, s_none)));
                pending.Clear();
            }
            else
            {
                pending.Add(words[index]);
            }
        }

        result.AddRange(pending.Select(name => new TypedName(name, TypeRef.Object, s_none)));
        return result.ToSeq();
    }

    /// <summary><c>Types("block bin - thing", "thing")</c>.</summary>
    public static Seq<TypeDecl> Types(string declaration) =>
        Typed(declaration).Select(typed => new TypeDecl(typed.Name, typed.Type, s_none)).ToSeq();

    public static PredicateDecl Predicate(string name, string parameters = "") => new(name, Typed(parameters), s_none);

    public static FunctionDecl NumericFunction(string name, string parameters = "") => new(name, Typed(parameters), null, s_none);

    public static ActionDef Action(string name, string parameters, Condition? precondition, Effect? effect) =>
        new(name, Typed(parameters), precondition, effect, s_none);

    public static DerivedPredicateDef Derived(string name, string parameters, Condition body) =>
        new(name, Typed(parameters), body, s_none);

    public static Domain Domain(
        string types,
        PredicateDecl[] predicates,
        ActionDef[] actions,
        string constants = "",
        FunctionDecl[]? functions = null,
        DerivedPredicateDef[]? derived = null,
        Condition? constraints = null) =>
        new(
            "test",
            Seq<string>.Empty,
            Types(types),
            Typed(constants),
            predicates.ToSeq(),
            (functions ?? []).ToSeq(),
            constraints,
            actions.ToSeq(),
            Seq<DurativeActionDef>.Empty,
            (derived ?? []).ToSeq(),
            s_none);

    public static InitElement Fact(string predicate, params string[] arguments) => new InitAtom(RawAtom(predicate, arguments), false, s_none);

    public static InitElement Value(FunctionExpr function, double value) => new InitNumeric(function, value, s_none);

    public static Problem Problem(
        string objects,
        InitElement[] init,
        Condition? goal,
        bool minimizeTotalCost = false,
        Condition? constraints = null) =>
        new(
            "test-problem",
            "test",
            Seq<string>.Empty,
            Typed(objects),
            init.ToSeq(),
            goal,
            constraints,
            minimizeTotalCost ? new Metric(true, Function("total-cost"), s_none) : null,
            s_none);

    private static TypeRef ParseType(string[] words, ref int index)
    {
        index++;
        if (words[index] != "(either")
        {
            return TypeRef.Of(words[index]);
        }

        var alternatives = new List<string>();
        while (!words[++index].EndsWith(')'))
        {
            alternatives.Add(words[index]);
        }

        alternatives.Add(words[index].TrimEnd(')'));
        return new TypeRef(alternatives.ToSeq());
    }
}
