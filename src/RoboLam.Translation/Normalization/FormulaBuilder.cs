using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// Turns an AST condition into a <see cref="Formula"/> in negation normal form: <c>imply</c> becomes
/// <c>or</c>/<c>not</c>, negations move inward, nested <c>and</c>/<c>or</c> are flattened, and every quantified
/// variable gets a unique name so that quantifiers can later move without capturing anything.
/// </summary>
internal sealed class FormulaBuilder
{
    private readonly NameSource _names;

    public FormulaBuilder(NameSource names)
    {
        _names = names;
    }

    public Formula Build(Condition? condition, VariableScope scope) =>
        Build(condition, scope, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Builds a condition inside quantifiers whose variables were already renamed (effects use this).</summary>
    public Formula Build(Condition? condition, VariableScope scope, IReadOnlyDictionary<string, string> renaming) =>
        condition is null ? TruthFormula.True : Build(condition, negated: false, renaming, scope);

    /// <summary>Gives each variable a unique name, registers it in the scope and extends the renaming.</summary>
    public List<Variable> Rename(
        IEnumerable<TypedName> declared, VariableScope scope, Dictionary<string, string> renaming)
    {
        var variables = new List<Variable>();
        foreach (var typed in declared)
        {
            var variable = new Variable(_names.FreshVariable(typed.Name), typed.Type);
            renaming[typed.Name] = variable.Name;
            scope.Register(variable);
            variables.Add(variable);
        }

        return variables;
    }

    public LiteralFormula BuildAtom(Atom atom, bool negated, IReadOnlyDictionary<string, string> renaming) =>
        new(atom.Predicate, atom.Arguments.Select(argument => Argument(argument, renaming)).ToArray(), negated);

    public static string Argument(Term term, IReadOnlyDictionary<string, string> renaming) => term switch
    {
        VariableTerm variable => renaming.TryGetValue(variable.Name, out var renamed) ? renamed : variable.Name,
        NameTerm name => name.Name,
        FunctionTerm function => throw Unsupported.Construct(
            $"the object fluent ({function.Function} ...) used as an argument", function.Span),
        _ => throw new TranslationException($"Unknown term {term.GetType().Name}.", term.Span),
    };

    private Formula Build(
        Condition condition, bool negated, IReadOnlyDictionary<string, string> renaming, VariableScope scope)
    {
        switch (condition)
        {
            case AtomCondition atom:
                return BuildAtom(atom.Atom, negated, renaming);
            case EqualsCondition equals:
                return new LiteralFormula(
                    LiteralFormula.EqualityPredicate,
                    [Argument(equals.Left, renaming), Argument(equals.Right, renaming)],
                    negated);
            case NotCondition not:
                return Build(not.Operand, !negated, renaming, scope);
            case AndCondition and:
                {
                    var parts = and.Operands.Select(operand => Build(operand, negated, renaming, scope));
                    return negated ? Formulas.Or(parts) : Formulas.And(parts);
                }

            case OrCondition or:
                {
                    var parts = or.Operands.Select(operand => Build(operand, negated, renaming, scope));
                    return negated ? Formulas.And(parts) : Formulas.Or(parts);
                }

            case ImplyCondition imply:
                {
                    // a → b is ¬a ∨ b; its negation is a ∧ ¬b.
                    var antecedent = Build(imply.Antecedent, !negated, renaming, scope);
                    var consequent = Build(imply.Consequent, negated, renaming, scope);
                    return negated ? Formulas.And([antecedent, consequent]) : Formulas.Or([antecedent, consequent]);
                }

            case ExistsCondition exists:
                return Quantified(exists.Variables, exists.Body, universal: negated, negated, renaming, scope);
            case ForAllCondition forAll:
                return Quantified(forAll.Variables, forAll.Body, universal: !negated, negated, renaming, scope);
            case ComparisonCondition comparison:
                throw Unsupported.Construct(
                    $"the numeric condition ({comparison.Operator} ...) (numeric fluents)", comparison.Span);
            case PreferenceCondition preference:
                throw Unsupported.Construct("preferences (preference ...)", preference.Span);
            case TimedCondition timed:
                throw Unsupported.Construct("timed conditions (at start/at end/over all)", timed.Span);
            case ConstraintCondition constraint:
                throw Unsupported.Construct($"the trajectory constraint ({constraint.Operator} ...)", constraint.Span);
            default:
                throw new TranslationException($"Unknown condition {condition.GetType().Name}.", condition.Span);
        }
    }

    private Formula Quantified(
        Seq<TypedName> declared,
        Condition body,
        bool universal,
        bool negated,
        IReadOnlyDictionary<string, string> renaming,
        VariableScope scope)
    {
        var inner = new Dictionary<string, string>(renaming, StringComparer.Ordinal);
        var variables = Rename(declared, scope, inner);
        var builtBody = Build(body, negated, inner, scope);
        return universal ? Formulas.ForAll(variables, builtBody) : Formulas.Exists(variables, builtBody);
    }
}
