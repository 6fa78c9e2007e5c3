using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>Resolves the names of a condition (and of the atoms and numbers in effects) against the vocabulary.</summary>
internal sealed class ConditionCompiler
{
    private readonly Vocabulary _vocabulary;

    public ConditionCompiler(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
    }

    public CompiledCondition Compile(Condition condition, VariableScope scope) => condition switch
    {
        AtomCondition atom => new AtomTest(CompileAtom(atom.Atom, scope), condition),
        EqualsCondition equals => new EqualityTest(CompileTerm(equals.Left, scope), CompileTerm(equals.Right, scope), condition),
        NotCondition negation => new Negation(Compile(negation.Operand, scope), condition),
        AndCondition conjunction when conjunction.Operands.Count == 0 => new ConstantCondition(true, condition),
        AndCondition conjunction => new Conjunction(CompileAll(conjunction.Operands, scope), condition),
        OrCondition disjunction => new Disjunction(CompileAll(disjunction.Operands, scope), condition),
        ImplyCondition imply => new Implication(Compile(imply.Antecedent, scope), Compile(imply.Consequent, scope), condition),
        ExistsCondition exists => CompileQuantifier(false, exists.Variables, exists.Body, scope, condition),
        ForAllCondition forAll => CompileQuantifier(true, forAll.Variables, forAll.Body, scope, condition),
        ComparisonCondition comparison => new NumericComparison(
            comparison.Operator, CompileNumber(comparison.Left, scope), CompileNumber(comparison.Right, scope), condition),
        PreferenceCondition => throw Unsupported(condition.Span, "preferences are not supported by the validator"),
        TimedCondition => throw Unsupported(condition.Span, "durative-action conditions are not supported by the validator"),
        ConstraintCondition constraint => throw new TaskError(
            $"{SourceText.Where(condition.Span)}'{constraint.Operator}' may only appear in :constraints"),
        _ => throw Unsupported(condition.Span, $"the condition {condition.GetType().Name} is not supported"),
    };

    public AtomPattern CompileAtom(Atom atom, VariableScope scope)
    {
        if (!_vocabulary.TryGetPredicate(atom.Predicate, out var id, out var arity, out var isDerived))
        {
            throw new TaskError($"{SourceText.Where(atom.Span)}unknown predicate '{atom.Predicate}'");
        }

        if (arity != atom.Arguments.Count)
        {
            throw new TaskError(
                $"{SourceText.Where(atom.Span)}predicate '{atom.Predicate}' takes {SourceText.Plural(arity, "argument")}, got {atom.Arguments.Count}");
        }

        return new AtomPattern(id, isDerived, CompileTerms(atom.Arguments, scope));
    }

    public int CompileTerm(Term term, VariableScope scope)
    {
        switch (term)
        {
            case VariableTerm variable:
                if (!scope.TryResolve(variable.Name, out var code))
                {
                    throw new TaskError($"{SourceText.Where(term.Span)}variable '{variable.Name}' is not bound here");
                }

                return code;
            case NameTerm name:
                if (!_vocabulary.Objects.TryGetId(name.Name, out var id))
                {
                    throw new TaskError($"{SourceText.Where(term.Span)}unknown object or constant '{name.Name}'");
                }

                return id;
            default:
                throw Unsupported(term.Span, "object fluents are not supported by the validator");
        }
    }

    public CompiledNumber CompileNumber(NumericExpr expression, VariableScope scope)
    {
        switch (expression)
        {
            case NumberExpr number:
                return new ConstantNumber(number.Value, expression);
            case FunctionExpr function when function.Function == Vocabulary.TotalCost:
                throw Unsupported(expression.Span, "conditions on (total-cost) are not supported by the validator");
            case FunctionExpr function:
                return new StaticFunctionValue(CompileFunction(function, scope), expression);
            case ArithmeticExpr arithmetic:
                return new ArithmeticNumber(
                    arithmetic.Operator, arithmetic.Operands.Select(operand => CompileNumber(operand, scope)).ToArray(), expression);
            default:
                throw Unsupported(expression.Span, "durations, #t and is-violated are not supported by the validator");
        }
    }

    /// <summary>A numeric function applied to terms, as a pattern to look its value up by.</summary>
    public AtomPattern CompileFunction(FunctionExpr function, VariableScope scope)
    {
        if (!_vocabulary.TryGetFunction(function.Function, out var id, out var arity))
        {
            throw new TaskError($"{SourceText.Where(function.Span)}unknown function '{function.Function}'");
        }

        if (arity != function.Arguments.Count)
        {
            throw new TaskError(
                $"{SourceText.Where(function.Span)}function '{function.Function}' takes {SourceText.Plural(arity, "argument")}, got {function.Arguments.Count}");
        }

        return new AtomPattern(id, false, CompileTerms(function.Arguments, scope));
    }

    /// <summary>Gives each quantified variable a slot in <paramref name="scope"/> and lists the objects it ranges over.</summary>
    public (int[] Slots, int[][] Candidates) BindVariables(Seq<TypedName> variables, VariableScope scope)
    {
        var slots = new int[variables.Count];
        var candidates = new int[variables.Count][];
        for (var index = 0; index < variables.Count; index++)
        {
            slots[index] = scope.BindSlot(variables[index].Name);
            candidates[index] = _vocabulary.Objects.MembersOf(variables[index].Type);
        }

        return (slots, candidates);
    }

    public static TaskError Unsupported(SourceSpan span, string message) => new($"{SourceText.Where(span)}unsupported: {message}");

    private CompiledCondition CompileQuantifier(
        bool isUniversal, Seq<TypedName> variables, Condition body, VariableScope scope, Condition source) =>
        scope.Nested(inner =>
        {
            var (slots, candidates) = BindVariables(variables, inner);
            return (CompiledCondition)new Quantification(isUniversal, slots, candidates, Compile(body, inner), source);
        });

    private CompiledCondition[] CompileAll(Seq<Condition> conditions, VariableScope scope) =>
        conditions.Select(condition => Compile(condition, scope)).ToArray();

    private int[] CompileTerms(Seq<Term> terms, VariableScope scope) =>
        terms.Select(term => CompileTerm(term, scope)).ToArray();
}
