using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Tests.Support;

/// <summary>Short constructors for PDDL ASTs, so tests read almost like PDDL.</summary>
internal static class PddlSyntax
{
    private static readonly SourceSpan s_none = SourceSpan.None;

    public static Term Term(string name) => name.StartsWith('?') ? new VariableTerm(name, s_none) : new NameTerm(name, s_none);

    public static Atom Atom(string predicate, params string[] arguments) =>
        new(predicate, arguments.Select(Term).ToSeq(), s_none);

    public static Condition A(string predicate, params string[] arguments) => new AtomCondition(Atom(predicate, arguments), s_none);

    public static Condition Not(Condition operand) => new NotCondition(operand, s_none);

    public static Condition And(params Condition[] operands) => new AndCondition(operands.ToSeq(), s_none);

    public static Condition Or(params Condition[] operands) => new OrCondition(operands.ToSeq(), s_none);

    public static Condition Imply(Condition antecedent, Condition consequent) => new ImplyCondition(antecedent, consequent, s_none);

    public static Condition Eq(string left, string right) => new EqualsCondition(Term(left), Term(right), s_none);

    public static Condition Exists(string variables, Condition body) => new ExistsCondition(Typed(variables), body, s_none);

    public static Condition ForAll(string variables, Condition body) => new ForAllCondition(Typed(variables), body, s_none);

    public static Effect Add(string predicate, params string[] arguments) => new AtomEffect(Atom(predicate, arguments), false, s_none);

    public static Effect Del(string predicate, params string[] arguments) => new AtomEffect(Atom(predicate, arguments), true, s_none);

    public static Effect Effects(params Effect[] effects) => new AndEffect(effects.ToSeq(), s_none);

    public static Effect When(Condition condition, Effect body) => new WhenEffect(condition, body, s_none);

    public static Effect ForAllDo(string variables, Effect body) => new ForAllEffect(Typed(variables), body, s_none);

    public static Effect Cost(double amount) =>
        new NumericEffect("increase", new FunctionExpr("total-cost", [], s_none), new NumberExpr(amount, s_none), s_none);

    public static Effect Cost(string function, params string[] arguments) =>
        new NumericEffect(
            "increase",
            new FunctionExpr("total-cost", [], s_none),
            new FunctionExpr(function, arguments.Select(Term).ToSeq(), s_none),
            s_none);

    public static ActionDef Action(string name, string parameters, Condition? precondition, Effect? effect) =>
        new(name, Typed(parameters), precondition, effect, s_none);

    public static DerivedPredicateDef Derived(string name, string parameters, Condition body) =>
        new(name, Typed(parameters), body, s_none);

    /// <summary>A typed list as PDDL writes it: <c>"?x ?y - block ?z - (either a b)"</c>.</summary>
    public static Seq<TypedName> Typed(string text)
    {
        var tokens = text.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<TypedName>();
        var pending = new List<string>();
        for (var index = 0; index < tokens.Length; index++)
        {
            if (tokens[index] != "-")
            {
                pending.Add(tokens[index]);
                continue;
            }

            TypeRef type;
            if (tokens[index + 1] == "(")
            {
                var alternatives = new List<string>();
                index += 3; // "(", "either", first alternative
                while (tokens[index] != ")")
                {
                    alternatives.Add(tokens[index++]);
                }

                type = new TypeRef(alternatives.ToSeq());
            }
            else
            {
                type = TypeRef.Of(tokens[++index]);
            }

            result.AddRange(pending.Select(name => new TypedName(name, type, s_none)));
            pending.Clear();
        }

        result.AddRange(pending.Select(name => new TypedName(name, TypeRef.Object, s_none)));
        return result.ToSeq();
    }

    /// <summary><c>"block - object", "a b - thing"</c>.</summary>
    public static Seq<TypeDecl> Types(string text) =>
        Typed(text).Select(typed => new TypeDecl(typed.Name, typed.Type, s_none)).ToSeq();

    /// <summary>Predicate declarations such as <c>"on ?x ?y - block"</c>.</summary>
    public static Seq<PredicateDecl> Predicates(params string[] declarations) =>
        declarations.Select(declaration =>
        {
            var space = declaration.IndexOf(' ', StringComparison.Ordinal);
            return space < 0
                ? new PredicateDecl(declaration, [], s_none)
                : new PredicateDecl(declaration[..space], Typed(declaration[(space + 1)..]), s_none);
        }).ToSeq();

    public static Domain Domain(
        string types,
        Seq<PredicateDecl> predicates,
        IEnumerable<ActionDef> actions,
        string constants = "",
        IEnumerable<DerivedPredicateDef>? derived = null,
        IEnumerable<FunctionDecl>? functions = null) =>
        new(
            "test",
            [],
            Types(types),
            Typed(constants),
            predicates,
            (functions ?? []).ToSeq(),
            null,
            actions.ToSeq(),
            [],
            (derived ?? []).ToSeq(),
            s_none);

    public static Problem Problem(string objects, IEnumerable<Atom> init, Condition? goal, bool minimizeCost = false, IEnumerable<InitElement>? numbers = null) =>
        new(
            "p",
            "test",
            [],
            Typed(objects),
            init.Select(atom => (InitElement)new InitAtom(atom, false, s_none)).Concat(numbers ?? []).ToSeq(),
            goal,
            null,
            minimizeCost ? new Metric(true, new FunctionExpr("total-cost", [], s_none), s_none) : null,
            s_none);

    public static InitElement Value(string function, double value, params string[] arguments) =>
        new InitNumeric(new FunctionExpr(function, arguments.Select(Term).ToSeq(), s_none), value, s_none);
}
