using RoboLam.Planning.Tasks;
using RoboLam.Translation.Grounding;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Encoding;

/// <summary>
/// Stage 4: numbers the facts and builds the <see cref="GroundTask"/>. A negated basic atom becomes a complement
/// fact <c>(not (p ..))</c> that every operator changing p keeps in step, true initially exactly when p is not;
/// a negated derived atom in an operator or the goal becomes a negation-as-failure fact computed by an axiom one
/// layer above the atom's. Axioms carry the layer of their head's predicate.
/// </summary>
internal sealed class Encoder
{
    private readonly GroundModel _model;
    private readonly LiftedTask _task;
    // Per atom id: its fact, its complement fact, its negation-as-failure fact; −1 where there is none.
    private readonly int[] _factOfAtom;
    private readonly int[] _complementOfAtom;
    private readonly int[] _negationOfDerived;
    private readonly List<int> _complementedAtoms = [];
    private readonly List<int> _negatedDerivedAtoms = [];
    private readonly bool[] _isDerived;
    private readonly List<string> _names = [];
    private readonly List<int> _derivedFacts = [];

    private Encoder(GroundModel model, LiftedTask task)
    {
        _model = model;
        _task = task;
        _factOfAtom = NewMap(model.Atoms.Count);
        _complementOfAtom = NewMap(model.Atoms.Count);
        _negationOfDerived = NewMap(model.Atoms.Count);
        _isDerived = new bool[model.Atoms.Count];
        for (var atom = 0; atom < _isDerived.Length; atom++)
        {
            var predicate = model.Atoms.PredicateOf(atom);
            _isDerived[atom] = predicate < task.Predicates.Count && task.Predicates[predicate].Kind == PredicateKind.Derived;
        }
    }

    /// <param name="invariantFacts">The forbidden fact of each of the model's invariants, in the model's order.</param>
    public static GroundTask Encode(GroundModel model, LiftedTask task, out int[] invariantFacts)
    {
        var encoder = new Encoder(model, task);
        var encoded = encoder.Build();
        invariantFacts = model.Invariants.Select(invariant => encoder._factOfAtom[invariant.Atom]).ToArray();
        return encoded;
    }

    private GroundTask Build()
    {
        var needs = ComplementNeeds.Compute(_model, IsDerived);
        NumberFacts(needs);

        var operators = _model.Actions.Select(EncodeAction).ToList();
        var axioms = new List<GroundAxiom>();
        foreach (var rule in _model.Axioms)
        {
            var positive = new List<int>();
            var negative = new List<int>();
            foreach (var literal in rule.Body)
            {
                var atom = GroundLiteral.Atom(literal);
                if (GroundLiteral.IsNegated(literal) && IsDerived(atom))
                {
                    negative.Add(_factOfAtom[atom]);
                }
                else
                {
                    positive.Add(FactOf(literal));
                }
            }

            axioms.Add(new GroundAxiom(_factOfAtom[rule.Head], Sorted(positive), Sorted(negative), LayerOf(rule.Head)));
        }

        foreach (var atom in _negatedDerivedAtoms)
        {
            axioms.Add(new GroundAxiom(_negationOfDerived[atom], [], [_factOfAtom[atom]], LayerOf(atom) + 1));
        }

        var initial = new List<int>();
        foreach (var atom in _model.InitialAtoms)
        {
            if (_factOfAtom[atom] >= 0 && !IsDerived(atom))
            {
                initial.Add(_factOfAtom[atom]);
            }
        }

        foreach (var atom in _complementedAtoms)
        {
            if (!_model.InitialAtoms.Contains(atom))
            {
                initial.Add(_complementOfAtom[atom]);
            }
        }

        var goal = _model.Goal.Select(FactOf).ToList();
        if (_model.GoalIsFalse && _model.Goal.Length == 0)
        {
            // The goal was false as written: stand it in with a fact nothing ever makes true.
            goal.Add(AddFact("(false)"));
        }

        return new GroundTask(
            _names,
            Sorted(initial),
            Sorted(goal),
            operators,
            axioms,
            _derivedFacts,
            _model.HasActionCosts)
        {
            // Sorted for the search (the domain's and the problem's invariants need not number in order).
            ForbiddenFacts = Sorted(_model.Invariants.Select(invariant => _factOfAtom[invariant.Atom])),
        };
    }

    private GroundOperator EncodeAction(GroundAction action)
    {
        var effects = new List<GroundEffect>(action.Effects.Length * 2);
        foreach (var effect in action.Effects)
        {
            var condition = FactsOf(effect.Condition);
            effects.Add(new GroundEffect(condition, _factOfAtom[effect.Atom], effect.IsDelete));
            var complement = _complementOfAtom[effect.Atom];
            if (complement < 0)
            {
                continue;
            }

            if (!effect.IsDelete)
            {
                effects.Add(new GroundEffect(condition, complement, isDelete: true));
                continue;
            }

            // The complement becomes true only when no add of the atom in this operator wins over the delete.
            foreach (var unless in ComplementNeeds.UnlessConditions(action, effect))
            {
                effects.Add(new GroundEffect(Sorted(condition.Concat(unless.Select(FactOf))), complement, isDelete: false));
            }
        }

        return new GroundOperator(action.Name, FactsOf(action.Precondition), [.. effects], action.Cost);
    }

    private void NumberFacts(ComplementNeeds needs)
    {
        var used = new bool[_model.Atoms.Count];
        foreach (var action in _model.Actions)
        {
            MarkAtoms(used, action.Precondition);
            foreach (var effect in action.Effects)
            {
                used[effect.Atom] = true;
                MarkAtoms(used, effect.Condition);
            }
        }

        foreach (var rule in _model.Axioms)
        {
            used[rule.Head] = true;
            MarkAtoms(used, rule.Body);
        }

        MarkAtoms(used, _model.Goal);
        foreach (var invariant in _model.Invariants)
        {
            used[invariant.Atom] = true;
        }

        var usedAtoms = Enumerable.Range(0, used.Length).Where(atom => used[atom]).ToList();
        foreach (var atom in usedAtoms.Where(atom => !IsDerived(atom)))
        {
            _factOfAtom[atom] = AddFact(AtomName(atom));
        }

        foreach (var atom in needs.Complemented.Order())
        {
            _complementOfAtom[atom] = AddFact($"(not {AtomName(atom)})");
            _complementedAtoms.Add(atom);
        }

        foreach (var atom in usedAtoms.Where(IsDerived))
        {
            _factOfAtom[atom] = AddFact(AtomName(atom));
            _derivedFacts.Add(_factOfAtom[atom]);
        }

        foreach (var atom in needs.NegatedDerived.Order())
        {
            _negationOfDerived[atom] = AddFact($"(not {AtomName(atom)})");
            _negatedDerivedAtoms.Add(atom);
            _derivedFacts.Add(_negationOfDerived[atom]);
        }
    }

    private int FactOf(int literal)
    {
        var atom = GroundLiteral.Atom(literal);
        if (!GroundLiteral.IsNegated(literal))
        {
            return _factOfAtom[atom];
        }

        return IsDerived(atom) ? _negationOfDerived[atom] : _complementOfAtom[atom];
    }

    private int AddFact(string name)
    {
        _names.Add(name);
        return _names.Count - 1;
    }

    private bool IsDerived(int atom) => _isDerived[atom];

    private static int[] NewMap(int size)
    {
        var map = new int[size];
        Array.Fill(map, -1);
        return map;
    }

    private int LayerOf(int atom) => _task.Predicates[_model.Atoms.PredicateOf(atom)].Layer;

    private string AtomName(int atom) => _task.AtomText(_model.Atoms.PredicateOf(atom), _model.Atoms.ArgumentsOf(atom));

    private static void MarkAtoms(bool[] used, int[] literals)
    {
        foreach (var literal in literals)
        {
            used[GroundLiteral.Atom(literal)] = true;
        }
    }

    /// <summary>Facts sorted without repeats, as every condition of the task must be.</summary>
    private static int[] Sorted(IEnumerable<int> facts) => SortedDistinct([.. facts]);

    private int[] FactsOf(int[] literals)
    {
        var facts = new int[literals.Length];
        for (var index = 0; index < literals.Length; index++)
        {
            facts[index] = FactOf(literals[index]);
        }

        return SortedDistinct(facts);
    }

    private static int[] SortedDistinct(int[] facts)
    {
        if (facts.Length <= 1)
        {
            return facts;
        }

        Array.Sort(facts);
        var count = 1;
        for (var index = 1; index < facts.Length; index++)
        {
            if (facts[index] != facts[count - 1])
            {
                facts[count++] = facts[index];
            }
        }

        return count == facts.Length ? facts : facts[..count];
    }
}
