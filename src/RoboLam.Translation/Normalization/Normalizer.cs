using RoboLam.Pddl.Ast;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Normalization;

/// <summary>Knobs of normalization; the defaults are what <see cref="Translator"/> uses.</summary>
internal sealed record NormalizerOptions(
    int DnfLimit = ConditionCompiler.DefaultDnfLimit,
    bool ExpandUniversalsOverObjects = true);

/// <summary>
/// Stage 1: from the checked PDDL AST to a <see cref="LiftedTask"/> whose actions have conjunctive
/// preconditions and flat conditional effects, whose quantifiers and disjunctions are compiled away
/// (into parameters, split actions, expansions over objects or axioms), and whose types are unary predicates.
/// </summary>
internal static class Normalizer
{
    public static LiftedTask Normalize(
        Domain domain, Problem problem, NormalizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NormalizerOptions();
        var hasActionCosts = FeatureGuard.CheckAndReadMetric(domain, problem);
        var invariants = InvariantReader.Read(domain, problem);

        var (objectNames, objectTypes) = CollectObjects(domain, problem);
        var types = new TypeTable(domain.Types, objectTypes);
        var fluentPredicates = FluentPredicates(domain);
        var derivedPredicates = domain.DerivedPredicates.Select(derived => derived.Name).ToHashSet(StringComparer.Ordinal);

        var builder = new LiftedTaskBuilder(objectNames, types, fluentPredicates);
        // Derived predicates are also listed under :predicates; declaring them first keeps them derived.
        foreach (var derived in domain.DerivedPredicates)
        {
            builder.DeclarePredicate(derived.Name, derived.Parameters.Count, derived: true);
        }

        foreach (var predicate in domain.Predicates)
        {
            builder.DeclarePredicate(predicate.Name, predicate.Parameters.Count, derived: false);
        }

        var initialAtoms = ReadInitialState(problem, builder);
        var statics = new StaticFacts(
            fluentPredicates,
            derivedPredicates,
            initialAtoms.Select(atom => (atom.Predicate, (IReadOnlyList<string>)atom.Arguments.Select(argument => argument.ToString()).ToArray())));
        var expander = options.ExpandUniversalsOverObjects
            ? new ForAllExpander(
                variable => types.MembersOf(variable.Type).Select(member => objectNames[member]).ToArray(), statics)
            : ForAllExpander.None;

        var names = new NameSource();
        var formulas = new FormulaBuilder(names);
        var compiler = new ConditionCompiler(names, expander, options.DnfLimit);
        var flattener = new EffectFlattener(formulas);

        foreach (var action in domain.Actions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var variant in NormalizeAction(action, formulas, compiler, flattener))
            {
                builder.AddAction(variant);
            }
        }

        foreach (var derived in domain.DerivedPredicates)
        {
            var scope = new VariableScope(derived.Parameters);
            var parameters = derived.Parameters.Select(parameter => scope.VariableOf(parameter.Name)).ToList();
            foreach (var conjunct in compiler.ToConjuncts(formulas.Build(derived.Body, scope), scope))
            {
                builder.AddRule(new NamedRule(
                    derived.Name,
                    parameters.Select(parameter => parameter.Name).ToArray(),
                    [.. parameters, .. conjunct.Variables],
                    conjunct.Literals));
            }
        }

        var goalLiterals = NormalizeGoal(problem.Goal, formulas, compiler);
        var violations = invariants
            .Select(invariant => (invariant.Description, Literal: NormalizeViolation(invariant, formulas, compiler)))
            .ToList();

        // Rules last: compiling actions, derived predicates and the goal is what introduces them.
        foreach (var rule in compiler.Rules)
        {
            builder.AddRule(rule);
        }

        var goalIsPossible = builder.TryLowerGoal(goalLiterals ?? [], out var goal);
        var lowered = new List<LiftedInvariant>(violations.Count);
        foreach (var (description, literal) in violations)
        {
            builder.TryLowerGoal([literal], out var violation);
            lowered.Add(new LiftedInvariant(description, violation.Single()));
        }

        return builder.Build(goal, goalIsImpossible: goalLiterals is null || !goalIsPossible, hasActionCosts, lowered);
    }

    private static IEnumerable<NamedAction> NormalizeAction(
        ActionDef action, FormulaBuilder formulas, ConditionCompiler compiler, EffectFlattener flattener)
    {
        var scope = new VariableScope(action.Parameters);
        var parameters = action.Parameters.Select(parameter => scope.VariableOf(parameter.Name)).ToList();
        var variants = compiler.ToConjuncts(formulas.Build(action.Precondition, scope), scope);
        var flat = flattener.Flatten(action.Effect, scope);

        var effects = new List<NamedEffect>();
        foreach (var effect in flat.Effects)
        {
            foreach (var conjunct in compiler.ToConjuncts(effect.Condition, scope))
            {
                effects.Add(new NamedEffect([.. effect.Variables, .. conjunct.Variables], conjunct.Literals, effect.Atom));
            }
        }

        return variants.Select(variant => new NamedAction(
            action.Name, parameters, variant.Variables, variant.Literals, effects, flat.CostTerms, action.Span));
    }

    /// <summary>The goal as ground literals, behind a new axiom when it is not a plain conjunction; null when false.</summary>
    private static List<LiteralFormula>? NormalizeGoal(Condition? condition, FormulaBuilder formulas, ConditionCompiler compiler)
    {
        var scope = new VariableScope([]);
        var goal = formulas.Build(condition, scope);
        switch (goal)
        {
            case TruthFormula truth:
                return truth.Value ? [] : null;
            case LiteralFormula literal:
                return [literal];
            case AndFormula conjunction when conjunction.Parts.All(part => part is LiteralFormula):
                return conjunction.Parts.Cast<LiteralFormula>().ToList();
            default:
                return [compiler.DefineAxiom("goal", goal, scope)];
        }
    }

    /// <summary>
    /// A new nullary derived predicate for ¬φ of <c>(always φ)</c>: search prunes every state where it holds. It is
    /// compiled like any axiom body (quantifiers expanded or turned into axioms, disjunctions split into rules).
    /// </summary>
    private static LiteralFormula NormalizeViolation(Invariant invariant, FormulaBuilder formulas, ConditionCompiler compiler)
    {
        var scope = new VariableScope([]);
        var broken = formulas.Build(new NotCondition(invariant.Body, invariant.Body.Span), scope);
        return compiler.DefineAxiom("always", broken, scope);
    }

    private static (List<string> Names, List<TypeRef> Types) CollectObjects(Domain domain, Problem problem)
    {
        var names = new List<string>();
        var types = new List<TypeRef>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var declared in domain.Constants.Concat(problem.Objects))
        {
            if (index.TryGetValue(declared.Name, out var existing))
            {
                types[existing] = new TypeRef(types[existing].Alternatives.Concat(declared.Type.Alternatives).Distinct().ToSeq());
                continue;
            }

            index[declared.Name] = names.Count;
            names.Add(declared.Name);
            types.Add(declared.Type);
        }

        return (names, types);
    }

    private static HashSet<string> FluentPredicates(Domain domain)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in domain.Actions)
        {
            CollectChanged(action.Effect, result);
        }

        return result;
    }

    private static void CollectChanged(Effect? effect, HashSet<string> result)
    {
        switch (effect)
        {
            case AtomEffect atom:
                result.Add(atom.Atom.Predicate);
                break;
            case AndEffect and:
                foreach (var part in and.Effects)
                {
                    CollectChanged(part, result);
                }

                break;
            case ForAllEffect forAll:
                CollectChanged(forAll.Body, result);
                break;
            case WhenEffect conditional:
                CollectChanged(conditional.Body, result);
                break;
        }
    }

    private static List<Atom> ReadInitialState(Problem problem, LiftedTaskBuilder builder)
    {
        var atoms = new List<Atom>();
        foreach (var element in problem.Init)
        {
            switch (element)
            {
                case InitAtom { IsNegated: false } atom:
                    builder.AddInitialFact(atom.Atom);
                    atoms.Add(atom.Atom);
                    break;
                case InitNumeric numeric when numeric.Target.Function != EffectFlattener.TotalCost:
                    builder.SetFunctionValue(numeric.Target, numeric.Value);
                    break;
            }
        }

        return atoms;
    }
}
