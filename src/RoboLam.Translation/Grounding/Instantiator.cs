using System.Globalization;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Grounding;

/// <summary>
/// Stage 2b: turns the reached action and axiom instances into <see cref="GroundAction"/>s and
/// <see cref="GroundRule"/>s. Static literals were decided by the joins and are left out; a negated atom that was
/// never reached is true and is left out too. Effects with variables of their own (from <c>forall</c>) are
/// instantiated by joining their conditions against the reached facts.
/// </summary>
internal sealed class Instantiator : IJoinSink
{
    private readonly LiftedTask _task;
    private readonly ReachabilityResult _reached;
    private readonly Joiner _joiner;
    private readonly int[][] _scratchByArity;
    private readonly List<GroundEffectInstance> _effects = [];
    private LiftedEffect? _currentEffect;

    public Instantiator(LiftedTask task, ReachabilityResult reached)
    {
        _task = task;
        _reached = reached;
        _joiner = new Joiner(reached.Store);
        var maximumArity = task.Predicates.Count == 0 ? 0 : task.Predicates.Max(predicate => predicate.Arity);
        _scratchByArity = Enumerable.Range(0, maximumArity + 1).Select(arity => new int[arity]).ToArray();
    }

    public GroundModel Instantiate(CancellationToken cancellationToken = default)
    {
        var actions = new List<GroundAction>();
        for (var index = 0; index < _task.Actions.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var action = _task.Actions[index];
            var effectQueries = action.Effects
                .Select(effect => JoinQuery.From(effect.VariableCount, effect.Condition, _task.Predicates))
                .ToArray();
            var instances = _reached.Store[_reached.ActionPredicateBase + index].All;
            for (var instance = 0; instance < instances.Count; instance++)
            {
                var ground = Instantiate(action, instances[instance], effectQueries);
                if (ground is not null)
                {
                    actions.Add(ground);
                }
            }
        }

        var axioms = new List<GroundRule>(_reached.AxiomBindings.Count);
        foreach (var (axiomIndex, binding) in _reached.AxiomBindings)
        {
            var axiom = _task.Axioms[axiomIndex];
            var body = Literals(axiom.Body, binding);
            if (body is not null)
            {
                axioms.Add(new GroundRule(AtomOf(axiom.Head, axiom.HeadArguments, binding), body));
            }
        }

        var initial = new HashSet<int>();
        foreach (var fact in _task.InitialFacts)
        {
            initial.Add(_reached.Atoms.Find(fact.Predicate, fact.Arguments));
        }

        var (goal, unreached) = GroundGoal();
        return new GroundModel(
            _reached.Atoms, actions, axioms, initial, goal, unreached, _task.GoalIsImpossible || unreached.Count > 0, _task.HasActionCosts,
            GroundInvariants());
    }

    public void OnMatch(int[] binding)
    {
        var effect = _currentEffect!;
        var condition = Literals(effect.Condition, binding);
        if (condition is null)
        {
            return;
        }

        var atom = AtomOf(effect.Atom.Predicate, effect.Atom.Arguments, binding);
        if (atom >= 0)
        {
            // A delete of an atom that is never true does nothing; such atoms have no id.
            _effects.Add(new GroundEffectInstance(condition, atom, effect.Atom.IsNegated));
        }
    }

    private GroundAction? Instantiate(LiftedAction action, int[] arguments, JoinQuery[] effectQueries)
    {
        var precondition = Literals(action.Precondition, arguments);
        if (precondition is null)
        {
            return null;
        }

        _effects.Clear();
        for (var index = 0; index < action.Effects.Length; index++)
        {
            var effect = action.Effects[index];
            var binding = new int[effect.VariableCount];
            Array.Fill(binding, -1);
            arguments.CopyTo(binding, 0);
            _currentEffect = effect;
            var query = effectQueries[index];
            _joiner.Run(query, binding, query.Atoms.Length == 64 ? ulong.MaxValue : (1UL << query.Atoms.Length) - 1, this);
        }

        return new GroundAction(OperatorName(action, arguments), precondition, [.. _effects], Cost(action, arguments));
    }

    /// <summary>
    /// The fluent and derived literals as ground literal codes; null when a positive one was never reached
    /// (the condition can never hold).
    /// </summary>
    private int[]? Literals(LiftedLiteral[] literals, int[] binding)
    {
        var result = new List<int>(literals.Length);
        foreach (var literal in literals)
        {
            var kind = _task.Predicates[literal.Predicate].Kind;
            if (kind is not (PredicateKind.Fluent or PredicateKind.Derived))
            {
                continue;
            }

            var atom = AtomOf(literal.Predicate, literal.Arguments, binding);
            if (atom < 0)
            {
                if (literal.IsNegated)
                {
                    continue;
                }

                return null;
            }

            result.Add(GroundLiteral.Of(atom, literal.IsNegated));
        }

        return [.. result];
    }

    private int AtomOf(int predicate, int[] terms, int[] binding)
    {
        var scratch = _scratchByArity[terms.Length];
        for (var position = 0; position < terms.Length; position++)
        {
            var term = terms[position];
            scratch[position] = Terms.IsVariable(term) ? binding[Terms.VariableIndex(term)] : term;
        }

        return _reached.Atoms.Find(predicate, scratch);
    }

    private string OperatorName(LiftedAction action, int[] arguments)
    {
        if (action.ParameterCount == 0)
        {
            return $"({action.Name})";
        }

        var builder = new System.Text.StringBuilder();
        builder.Append('(').Append(action.Name);
        for (var index = 0; index < action.ParameterCount; index++)
        {
            builder.Append(' ').Append(_task.Objects[arguments[index]]);
        }

        return builder.Append(')').ToString();
    }

    private int Cost(LiftedAction action, int[] arguments)
    {
        if (!_task.HasActionCosts)
        {
            return 1;
        }

        double total = 0;
        foreach (var term in action.Cost)
        {
            if (term.Function is null)
            {
                total += term.Constant;
                continue;
            }

            var values = term.Arguments
                .Select(argument => Terms.IsVariable(argument) ? arguments[Terms.VariableIndex(argument)] : argument)
                .ToArray();
            if (!_task.Functions.TryGet(term.Function, values, out var value))
            {
                throw new TranslationException(
                    $"The cost of {OperatorName(action, arguments)} needs ({term.Function}" +
                    $"{string.Concat(values.Select(value => " " + _task.Objects[value]))}), which the initial state does not give.");
            }

            total += value;
        }

        if (total < 0 || total != Math.Floor(total) || total > int.MaxValue)
        {
            throw new TranslationException(
                $"The cost of {OperatorName(action, arguments)} is {total.ToString(CultureInfo.InvariantCulture)}; " +
                "action costs must be whole numbers of zero or more.");
        }

        return (int)total;
    }

    /// <summary>Invariants whose violation atom was reached; the others can never be broken.</summary>
    private List<GroundInvariant> GroundInvariants()
    {
        var result = new List<GroundInvariant>();
        foreach (var invariant in _task.Invariants)
        {
            var violation = invariant.Violation;
            var atom = _reached.Atoms.Find(violation.Predicate, violation.Arguments);
            if (atom >= 0 && _reached.Store[violation.Predicate].Contains(violation.Arguments))
            {
                result.Add(new GroundInvariant(invariant.Description, atom));
            }
        }

        return result;
    }

    private (int[] Goal, List<int> Unreached) GroundGoal()
    {
        var goal = new List<int>();
        var unreached = new List<int>();
        foreach (var literal in _task.Goal)
        {
            var predicate = _task.Predicates[literal.Predicate];
            var atom = _reached.Atoms.Find(literal.Predicate, literal.Arguments);
            if (predicate.IsStatic)
            {
                var holds = atom >= 0 && _reached.Store[literal.Predicate].Contains(literal.Arguments);
                if (holds != literal.IsNegated)
                {
                    continue;
                }
            }
            else if (atom < 0 && literal.IsNegated)
            {
                continue;
            }

            if (atom < 0)
            {
                _reached.Atoms.TryAdd(literal.Predicate, literal.Arguments, out atom);
            }

            if (!literal.IsNegated && (predicate.IsStatic || !_reached.Store[literal.Predicate].Contains(literal.Arguments)))
            {
                unreached.Add(atom);
            }

            goal.Add(GroundLiteral.Of(atom, literal.IsNegated));
        }

        return ([.. goal], unreached);
    }
}
