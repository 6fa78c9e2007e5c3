using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>Compiles a domain and problem into a <see cref="ValidationTask"/>; throws <see cref="TaskError"/>.</summary>
internal sealed class TaskCompiler
{
    private readonly Domain _domain;
    private readonly Problem _problem;
    private readonly Vocabulary _vocabulary;
    private readonly ConditionCompiler _conditions;
    private readonly EffectCompiler _effects;
    private int _slotCount;

    private TaskCompiler(Domain domain, Problem problem)
    {
        _domain = domain;
        _problem = problem;
        _vocabulary = new Vocabulary(domain, problem);
        _conditions = new ConditionCompiler(_vocabulary);
        _effects = new EffectCompiler(_conditions);
    }

    public static ValidationTask Compile(Domain domain, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(problem);
        return new TaskCompiler(domain, problem).Compile();
    }

    private ValidationTask Compile()
    {
        var actions = CompileActions();
        var derived = CompileDerivedPredicates();
        var (facts, functions, initialTotalCost) = CompileInit();
        var goal = _problem.Goal is null ? null : CompileClosed(scope => _conditions.Compile(_problem.Goal, scope));
        var constraints = CompileConstraints();
        return new ValidationTask
        {
            Vocabulary = _vocabulary,
            Actions = actions,
            DurativeActionNames = _domain.DurativeActions.Select(action => action.Name).ToHashSet(StringComparer.Ordinal),
            InitialFacts = facts,
            Functions = functions,
            Goal = goal,
            Constraints = constraints,
            DerivedPredicates = derived,
            MeasuresTotalCost = MeasuresTotalCost(),
            InitialTotalCost = initialTotalCost,
            SlotCount = _slotCount,
        };
    }

    private Dictionary<string, CompiledAction> CompileActions()
    {
        var actions = new Dictionary<string, CompiledAction>(StringComparer.Ordinal);
        foreach (var action in _domain.Actions)
        {
            var scope = VariableScope.Root();
            foreach (var parameter in action.Parameters)
            {
                scope.BindSlot(parameter.Name);
            }

            var precondition = action.Precondition is null ? null : _conditions.Compile(action.Precondition, scope);
            var effect = action.Effect is null ? null : _effects.Compile(action.Effect, scope);
            _slotCount = Math.Max(_slotCount, scope.SlotsUsed);
            if (!actions.TryAdd(action.Name, new CompiledAction(action, precondition, effect)))
            {
                throw new TaskError($"{SourceText.Where(action.Span)}action '{action.Name}' is defined twice");
            }
        }

        return actions;
    }

    private DerivedPredicateEvaluator? CompileDerivedPredicates()
    {
        if (_domain.DerivedPredicates.Count == 0)
        {
            return null;
        }

        var slotCount = 0;
        var strata = new List<IReadOnlyList<DerivedRule>>();
        foreach (var stratum in Stratifier.Stratify(_domain.DerivedPredicates))
        {
            var rules = new List<DerivedRule>();
            foreach (var rule in stratum)
            {
                var scope = VariableScope.Root();
                var (_, candidates) = _conditions.BindVariables(rule.Parameters, scope);
                var body = _conditions.Compile(rule.Body, scope);
                _vocabulary.TryGetPredicate(rule.Name, out var predicate, out _, out _);
                rules.Add(new DerivedRule(predicate, candidates, body));
                slotCount = Math.Max(slotCount, scope.SlotsUsed);
            }

            strata.Add(rules);
        }

        return new DerivedPredicateEvaluator(strata, slotCount);
    }

    private (List<GroundAtom> Facts, StaticFunctions Functions, double InitialTotalCost) CompileInit()
    {
        var facts = new List<GroundAtom>();
        var functions = new StaticFunctions();
        var initialTotalCost = 0.0;
        var scope = VariableScope.Root();
        foreach (var element in _problem.Init)
        {
            switch (element)
            {
                case InitAtom { IsNegated: true }:
                    break; // closed world: absent facts are false anyway
                case InitAtom atom:
                    var pattern = _conditions.CompileAtom(atom.Atom, scope);
                    if (pattern.IsDerived)
                    {
                        throw new TaskError(
                            $"{SourceText.Where(element.Span)}derived predicate '{atom.Atom.Predicate}' may not be set in the init");
                    }

                    facts.Add(pattern.Ground([]));
                    break;
                case InitNumeric { Target.Function: Vocabulary.TotalCost } numeric:
                    initialTotalCost = numeric.Value;
                    break;
                case InitNumeric numeric:
                    functions.Set(_conditions.CompileFunction(numeric.Target, scope).Ground([]), numeric.Value);
                    break;
                case InitObject:
                    throw ConditionCompiler.Unsupported(element.Span, "object fluents are not supported by the validator");
                default:
                    throw ConditionCompiler.Unsupported(element.Span, "timed initial literals are not supported by the validator");
            }
        }

        return (facts, functions, initialTotalCost);
    }

    private List<TrajectoryConstraint> CompileConstraints()
    {
        var constraints = new List<TrajectoryConstraint>();
        var compiler = new ConstraintCompiler(_conditions, _vocabulary.Objects);
        foreach (var source in new[] { _domain.Constraints, _problem.Constraints })
        {
            if (source is not null)
            {
                var scope = VariableScope.Root();
                compiler.Compile(source, scope, constraints);
                _slotCount = Math.Max(_slotCount, scope.SlotsUsed);
            }
        }

        return constraints;
    }

    private T CompileClosed<T>(Func<VariableScope, T> compile)
    {
        var scope = VariableScope.Root();
        var result = compile(scope);
        _slotCount = Math.Max(_slotCount, scope.SlotsUsed);
        return result;
    }

    /// <summary>Only <c>minimize (total-cost)</c> is a cost metric; <c>(total-time)</c> or none means plan length.</summary>
    private bool MeasuresTotalCost()
    {
        var metric = _problem.Metric;
        if (metric is null)
        {
            return false;
        }

        if (metric is { Minimize: true, Expression: FunctionExpr { Arguments.Count: 0 } function }
            && function.Function is Vocabulary.TotalCost or "total-time")
        {
            return function.Function == Vocabulary.TotalCost;
        }

        throw ConditionCompiler.Unsupported(
            metric.Span, "the validator measures only (:metric minimize (total-cost)) or plan length");
    }
}
