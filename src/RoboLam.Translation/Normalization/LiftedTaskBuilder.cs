using RoboLam.Pddl.Ast;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// Lowers named actions, rules, facts and goal into the index-based <see cref="LiftedTask"/>: objects and
/// predicates become ids, variables become <c>~index</c>, every variable gets its type literal, and equalities
/// between two objects are decided on the spot.
/// </summary>
internal sealed class LiftedTaskBuilder
{
    private readonly List<string> _objects;
    private readonly Dictionary<string, int> _objectIds = new(StringComparer.Ordinal);
    private readonly TypeTable _types;
    private readonly HashSet<string> _fluentPredicates;
    private readonly List<PredicateInfo> _predicates = [];
    private readonly Dictionary<string, int> _predicateIds = new(StringComparer.Ordinal);
    private readonly List<LiftedAction> _actions = [];
    private readonly List<LiftedAxiom> _axioms = [];
    private readonly List<InitialFact> _initialFacts = [];
    private readonly Dictionary<int, TypeRef> _typePredicates = [];

    public LiftedTaskBuilder(IReadOnlyList<string> objects, TypeTable types, IEnumerable<string> fluentPredicates)
    {
        _objects = [.. objects];
        for (var index = 0; index < _objects.Count; index++)
        {
            _objectIds[_objects[index]] = index;
        }

        _types = types;
        _fluentPredicates = new HashSet<string>(fluentPredicates, StringComparer.Ordinal);
        Declare(LiteralFormula.EqualityPredicate, 2, PredicateKind.Equality);
    }

    public StaticFunctionTable Functions { get; } = new();

    public void DeclarePredicate(string name, int arity, bool derived) =>
        Declare(name, arity, derived ? PredicateKind.Derived : BasicKind(name));

    public void AddAction(NamedAction action)
    {
        var variables = new List<Variable>([.. action.Parameters, .. action.ExistentialVariables]);
        var indices = IndexVariables(variables);
        var precondition = LowerConjunction(action.Precondition, variables, indices, typedFrom: 0);
        if (precondition is null)
        {
            return;
        }

        var effects = new List<LiftedEffect>();
        foreach (var effect in action.Effects)
        {
            var effectVariables = new List<Variable>([.. variables, .. effect.Variables]);
            var effectIndices = IndexVariables(effectVariables);
            var condition = LowerConjunction(effect.Condition, effectVariables, effectIndices, typedFrom: variables.Count);
            if (condition is null)
            {
                continue;
            }

            var atom = LowerLiteral(effect.Atom, effectIndices);
            if (_predicates[atom.Predicate].Kind is not PredicateKind.Fluent)
            {
                throw new TranslationException(
                    $"The action {action.Name} changes {effect.Atom}, which is not an ordinary predicate.", action.Span);
            }

            effects.Add(new LiftedEffect(effectVariables.Count, condition, atom));
        }

        var cost = action.Cost
            .Select(term => new LiftedCostTerm(
                term.Constant, term.Function, term.Arguments.Select(argument => Term(argument, indices)).ToArray()))
            .ToArray();
        _actions.Add(new LiftedAction(
            action.Name,
            action.Parameters.Count,
            variables.Select(variable => variable.Name).ToArray(),
            precondition,
            [.. effects],
            cost));
    }

    public void AddRule(NamedRule rule)
    {
        var indices = IndexVariables(rule.Variables);
        var body = LowerConjunction(rule.Body, rule.Variables, indices, typedFrom: 0);
        if (body is null)
        {
            return;
        }

        var head = Declare(rule.Head, rule.HeadArguments.Count, PredicateKind.Derived);
        _axioms.Add(new LiftedAxiom(
            head,
            rule.HeadArguments.Select(argument => Term(argument, indices)).ToArray(),
            rule.Variables.Select(variable => variable.Name).ToArray(),
            body));
    }

    public void AddInitialFact(Atom atom)
    {
        var arguments = atom.Arguments
            .Select(argument => ObjectId(FormulaBuilder.Argument(argument, s_emptyRenaming), atom.Span))
            .ToArray();
        var predicate = Declare(atom.Predicate, arguments.Length, BasicKind(atom.Predicate));
        if (_predicates[predicate].Kind is PredicateKind.Derived or PredicateKind.Equality)
        {
            throw new TranslationException(
                $"The initial state gives {atom.Predicate}, a derived predicate; derived facts are computed.", atom.Span);
        }

        _initialFacts.Add(new InitialFact(predicate, arguments));
    }

    public void SetFunctionValue(FunctionExpr target, double value) =>
        Functions.Set(
            target.Function,
            target.Arguments.Select(argument => ObjectId(FormulaBuilder.Argument(argument, s_emptyRenaming), target.Span)).ToArray(),
            value);

    /// <summary>Lowers a ground goal; returns false when it contains a false equality.</summary>
    public bool TryLowerGoal(IReadOnlyList<LiteralFormula> goal, out LiftedLiteral[] literals)
    {
        var lowered = LowerConjunction(goal, [], new Dictionary<string, int>(StringComparer.Ordinal), typedFrom: 0);
        literals = lowered ?? [];
        return lowered is not null;
    }

    public LiftedTask Build(
        IReadOnlyList<LiftedLiteral> goal, bool goalIsImpossible, bool hasActionCosts, IReadOnlyList<LiftedInvariant> invariants)
    {
        var facts = new List<InitialFact>(_initialFacts);
        foreach (var (predicate, type) in _typePredicates)
        {
            facts.AddRange(_types.MembersOf(type).Select(member => new InitialFact(predicate, [member])));
        }

        var predicates = AxiomStratifier.AssignLayers(_predicates, _axioms);
        return new LiftedTask(
            _objects, predicates, _actions, _axioms, facts, goal, goalIsImpossible, hasActionCosts, Functions, invariants);
    }

    private static readonly Dictionary<string, string> s_emptyRenaming = new(StringComparer.Ordinal);

    private static Dictionary<string, int> IndexVariables(IReadOnlyList<Variable> variables)
    {
        var indices = new Dictionary<string, int>(variables.Count, StringComparer.Ordinal);
        for (var index = 0; index < variables.Count; index++)
        {
            indices[variables[index].Name] = index;
        }

        return indices;
    }

    private PredicateKind BasicKind(string name) =>
        _fluentPredicates.Contains(name) ? PredicateKind.Fluent : PredicateKind.Static;

    private int Declare(string name, int arity, PredicateKind kind)
    {
        if (_predicateIds.TryGetValue(name, out var id))
        {
            if (_predicates[id].Arity != arity)
            {
                throw new TranslationException($"The predicate {name} is used with {arity} and {_predicates[id].Arity} arguments.");
            }

            return id;
        }

        id = _predicates.Count;
        _predicates.Add(new PredicateInfo(name, arity, kind));
        _predicateIds[name] = id;
        return id;
    }

    /// <summary>
    /// The literals plus the type literals of variables from <paramref name="typedFrom"/> on; null when an equality
    /// between two objects is false. A variable of type <c>object</c> that a positive literal binds needs no type literal.
    /// </summary>
    private LiftedLiteral[]? LowerConjunction(
        IReadOnlyList<LiteralFormula> literals,
        IReadOnlyList<Variable> variables,
        IReadOnlyDictionary<string, int> indices,
        int typedFrom)
    {
        var result = new List<LiftedLiteral>(literals.Count + variables.Count);
        var boundByLiteral = new HashSet<int>();
        foreach (var literal in literals)
        {
            var lowered = LowerLiteral(literal, indices);
            if (lowered.Predicate == 0 && lowered.Arguments.All(argument => !Terms.IsVariable(argument)))
            {
                if ((lowered.Arguments[0] == lowered.Arguments[1]) == lowered.IsNegated)
                {
                    return null;
                }

                continue;
            }

            if (!lowered.IsNegated && lowered.Predicate != 0)
            {
                boundByLiteral.UnionWith(lowered.Arguments.Where(Terms.IsVariable));
            }

            result.Add(lowered);
        }

        for (var index = typedFrom; index < variables.Count; index++)
        {
            var type = variables[index].Type;
            var term = Terms.Variable(index);
            if (type.Alternatives.Count == 1 && type.Alternatives[0] == TypeTable.ObjectType && boundByLiteral.Contains(term))
            {
                continue;
            }

            var predicate = Declare(TypeTable.PredicateName(type), 1, PredicateKind.Type);
            _typePredicates[predicate] = type;
            result.Add(new LiftedLiteral(predicate, [term], IsNegated: false));
        }

        return [.. result];
    }

    private LiftedLiteral LowerLiteral(LiteralFormula literal, IReadOnlyDictionary<string, int> indices)
    {
        var arguments = literal.Arguments.Select(argument => Term(argument, indices)).ToArray();
        var kind = literal.Predicate.StartsWith('@') ? PredicateKind.Derived : BasicKind(literal.Predicate);
        return new LiftedLiteral(Declare(literal.Predicate, arguments.Length, kind), arguments, literal.IsNegated);
    }

    private int Term(string argument, IReadOnlyDictionary<string, int> indices)
    {
        if (!Formulas.IsVariable(argument))
        {
            return ObjectId(argument, SourceSpan.None);
        }

        return indices.TryGetValue(argument, out var index)
            ? Terms.Variable(index)
            : throw new TranslationException($"The variable {argument} is not bound here.");
    }

    private int ObjectId(string name, SourceSpan span) =>
        _objectIds.TryGetValue(name, out var id)
            ? id
            : throw new TranslationException($"The object {name} is not declared.", span);
}
