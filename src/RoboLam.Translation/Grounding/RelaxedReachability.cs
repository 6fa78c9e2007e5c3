using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Grounding;

/// <summary>What the relaxed reachability fixpoint found.</summary>
internal sealed class ReachabilityResult
{
    public ReachabilityResult(
        FactStore store, AtomTable atoms, int actionPredicateBase, IReadOnlyList<(int Axiom, int[] Binding)> axiomBindings)
    {
        Store = store;
        Atoms = atoms;
        ActionPredicateBase = actionPredicateBase;
        AxiomBindings = axiomBindings;
    }

    /// <summary>Every reached fact, static ones included; the facts of predicate <c>ActionPredicateBase + i</c> are the applicable groundings of action i.</summary>
    public FactStore Store { get; }

    public AtomTable Atoms { get; }

    public int ActionPredicateBase { get; }

    /// <summary>Each binding under which an axiom rule's positive body was reached.</summary>
    public IReadOnlyList<(int Axiom, int[] Binding)> AxiomBindings { get; }
}

/// <summary>
/// Stage 2a: the delete-relaxed reachability fixpoint, Datalog style. Each action becomes a rule
/// "applicable(vars) :- positive precondition", each add effect "atom :- applicable(vars), positive condition",
/// each axiom a rule of its own. Facts are processed one at a time (semi-naive): a new fact is joined with the
/// facts processed before it, so every rule instance is found once its last body fact arrives, and the
/// parameter cross product is never enumerated. Negated atoms count as reachable, except negated static atoms
/// and (in)equalities, which are checked exactly.
/// </summary>
internal sealed class RelaxedReachability : IJoinSink
{
    private readonly LiftedTask _task;
    private readonly List<Rule> _rules = [];
    private readonly List<(Rule Rule, int AtomIndex, bool Ground)>[] _triggers;
    private readonly FactStore _store;
    private readonly AtomTable _atoms;
    private readonly Joiner _joiner;
    private readonly Queue<int> _queue = new();
    private readonly List<(int Axiom, int[] Binding)> _axiomBindings = [];
    private Rule? _current;

    public RelaxedReachability(LiftedTask task)
    {
        _task = task;
        var arities = task.Predicates.Select(predicate => predicate.Arity)
            .Concat(task.Actions.Select(action => action.VariableCount))
            .ToArray();
        _store = new FactStore(arities);
        _atoms = new AtomTable(arities.Length);
        _joiner = new Joiner(_store);
        _triggers = new List<(Rule, int, bool)>[arities.Length];
        for (var predicate = 0; predicate < arities.Length; predicate++)
        {
            _triggers[predicate] = [];
        }

        BuildRules();
    }

    private enum RuleKind
    {
        Action,
        AddEffect,
        Axiom,
    }

    public int ActionPredicateBase => _task.Predicates.Count;

    public ReachabilityResult Run(CancellationToken cancellationToken = default)
    {
        foreach (var fact in _task.InitialFacts)
        {
            if (_atoms.TryAdd(fact.Predicate, fact.Arguments, out var id))
            {
                if (_task.Predicates[fact.Predicate].IsStatic)
                {
                    _store[fact.Predicate].Add(fact.Arguments);
                }
                else
                {
                    _queue.Enqueue(id);
                }
            }
        }

        // Rules over static facts only never get a trigger: evaluate them once, now that all static facts are in.
        foreach (var rule in _rules.Where(rule => !rule.HasTrigger))
        {
            _current = rule;
            rule.ResetBinding();
            _joiner.Run(rule.Query, rule.Binding, AllAtoms(rule.Query), this);
        }

        var processed = 0;
        while (_queue.Count > 0)
        {
            if ((++processed & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var atom = _queue.Dequeue();
            var predicate = _atoms.PredicateOf(atom);
            var arguments = _atoms.ArgumentsOf(atom);
            _store[predicate].Add(arguments);
            foreach (var (rule, atomIndex, ground) in _triggers[predicate])
            {
                Fire(rule, atomIndex, ground, arguments);
            }
        }

        return new ReachabilityResult(_store, _atoms, ActionPredicateBase, _axiomBindings);
    }

    public void OnMatch(int[] binding)
    {
        var rule = _current!;
        var head = rule.HeadScratch;
        for (var position = 0; position < head.Length; position++)
        {
            var term = rule.HeadArguments[position];
            head[position] = Terms.IsVariable(term) ? binding[Terms.VariableIndex(term)] : term;
        }

        var id = _atoms.FindOrAddCopy(rule.HeadPredicate, head, out var added);
        if (added)
        {
            _queue.Enqueue(id);
        }

        if (rule.Kind == RuleKind.Axiom)
        {
            _axiomBindings.Add((rule.Owner, (int[])binding.Clone()));
        }
    }

    private static ulong AllAtoms(JoinQuery query) =>
        query.Atoms.Length == 64 ? ulong.MaxValue : (1UL << query.Atoms.Length) - 1;

    private void Fire(Rule rule, int atomIndex, bool ground, int[] fact)
    {
        _current = rule;
        rule.ResetBinding();
        if (ground)
        {
            if (!rule.Query.GroundAtoms[atomIndex].Arguments.AsSpan().SequenceEqual(fact))
            {
                return;
            }

            _joiner.Run(rule.Query, rule.Binding, AllAtoms(rule.Query), this, skippedGroundAtom: atomIndex);
            return;
        }

        if (Joiner.Unify(rule.Query.Atoms[atomIndex], fact, rule.Binding))
        {
            _joiner.Run(rule.Query, rule.Binding, AllAtoms(rule.Query) & ~(1UL << atomIndex), this);
        }
    }

    private void BuildRules()
    {
        var predicates = _task.Predicates;
        for (var index = 0; index < _task.Actions.Count; index++)
        {
            var action = _task.Actions[index];
            var applicable = ActionPredicateBase + index;
            var allVariables = Enumerable.Range(0, action.VariableCount).Select(Terms.Variable).ToArray();
            AddRule(new Rule(
                RuleKind.Action,
                index,
                JoinQuery.From(action.VariableCount, action.Precondition, predicates),
                applicable,
                allVariables));

            foreach (var effect in action.Effects.Where(effect => !effect.Atom.IsNegated))
            {
                AddRule(new Rule(
                    RuleKind.AddEffect,
                    index,
                    JoinQuery.From(effect.VariableCount, effect.Condition, predicates, new JoinAtom(applicable, allVariables)),
                    effect.Atom.Predicate,
                    effect.Atom.Arguments));
            }
        }

        for (var index = 0; index < _task.Axioms.Count; index++)
        {
            var axiom = _task.Axioms[index];
            AddRule(new Rule(
                RuleKind.Axiom,
                index,
                JoinQuery.From(axiom.VariableCount, axiom.Body, predicates),
                axiom.Head,
                axiom.HeadArguments));
        }
    }

    private void AddRule(Rule rule)
    {
        _rules.Add(rule);
        for (var index = 0; index < rule.Query.Atoms.Length; index++)
        {
            RegisterTrigger(rule, index, ground: false, rule.Query.Atoms[index].Predicate);
        }

        for (var index = 0; index < rule.Query.GroundAtoms.Length; index++)
        {
            RegisterTrigger(rule, index, ground: true, rule.Query.GroundAtoms[index].Predicate);
        }
    }

    private void RegisterTrigger(Rule rule, int index, bool ground, int predicate)
    {
        // Static facts are all present before the first fact is processed, so they never need to trigger.
        if (predicate < _task.Predicates.Count && _task.Predicates[predicate].IsStatic)
        {
            return;
        }

        _triggers[predicate].Add((rule, index, ground));
        rule.HasTrigger = true;
    }

    private sealed class Rule
    {
        public Rule(RuleKind kind, int owner, JoinQuery query, int headPredicate, int[] headArguments)
        {
            Kind = kind;
            Owner = owner;
            Query = query;
            HeadPredicate = headPredicate;
            HeadArguments = headArguments;
            HeadScratch = new int[headArguments.Length];
            Binding = new int[query.VariableCount];
        }

        public RuleKind Kind { get; }

        public int Owner { get; }

        public JoinQuery Query { get; }

        public int HeadPredicate { get; }

        public int[] HeadArguments { get; }

        public int[] HeadScratch { get; }

        public int[] Binding { get; }

        public bool HasTrigger { get; set; }

        public void ResetBinding() => Array.Fill(Binding, -1);
    }
}
