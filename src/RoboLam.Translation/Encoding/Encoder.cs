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
    private readonly Dictionary<int, int> _factOfAtom = [];
    private readonly Dictionary<int, int> _complementOfAtom = [];
    private readonly Dictionary<int, int> _negationOfDerived = [];
    private readonly List<string> _names = [];
    private readonly List<int> _derivedFacts = [];

    private Encoder(GroundModel model, LiftedTask task)
    {
        _model = model;
        _task = task;
    }

    public static GroundTask Encode(GroundModel model, LiftedTask task) => new Encoder(model, task).Build();

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

        foreach (var (atom, fact) in _negationOfDerived)
        {
            axioms.Add(new GroundAxiom(fact, [], [_factOfAtom[atom]], LayerOf(atom) + 1));
        }

        var initial = new List<int>();
        foreach (var (atom, fact) in _factOfAtom)
        {
            if (!IsDerived(atom) && _model.InitialAtoms.Contains(atom))
            {
                initial.Add(fact);
            }
        }

        foreach (var (atom, fact) in _complementOfAtom)
        {
            if (!_model.InitialAtoms.Contains(atom))
            {
                initial.Add(fact);
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
            _model.HasActionCosts);
    }

    private GroundOperator EncodeAction(GroundAction action)
    {
        var effects = new List<GroundEffect>(action.Effects.Length * 2);
        foreach (var effect in action.Effects)
        {
            var condition = Sorted(effect.Condition.Select(FactOf));
            effects.Add(new GroundEffect(condition, _factOfAtom[effect.Atom], effect.IsDelete));
            if (!_complementOfAtom.TryGetValue(effect.Atom, out var complement))
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

        return new GroundOperator(action.Name, Sorted(action.Precondition.Select(FactOf)), [.. effects], action.Cost);
    }

    private void NumberFacts(ComplementNeeds needs)
    {
        var used = new SortedSet<int>();
        foreach (var action in _model.Actions)
        {
            AddAtoms(used, action.Precondition);
            foreach (var effect in action.Effects)
            {
                used.Add(effect.Atom);
                AddAtoms(used, effect.Condition);
            }
        }

        foreach (var rule in _model.Axioms)
        {
            used.Add(rule.Head);
            AddAtoms(used, rule.Body);
        }

        AddAtoms(used, _model.Goal);

        foreach (var atom in used.Where(atom => !IsDerived(atom)))
        {
            _factOfAtom[atom] = AddFact(AtomName(atom));
        }

        foreach (var atom in needs.Complemented.Order())
        {
            _complementOfAtom[atom] = AddFact($"(not {AtomName(atom)})");
        }

        foreach (var atom in used.Where(IsDerived))
        {
            _factOfAtom[atom] = AddFact(AtomName(atom));
            _derivedFacts.Add(_factOfAtom[atom]);
        }

        foreach (var atom in needs.NegatedDerived.Order())
        {
            _negationOfDerived[atom] = AddFact($"(not {AtomName(atom)})");
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

    private bool IsDerived(int atom)
    {
        var predicate = _model.Atoms.PredicateOf(atom);
        return predicate < _task.Predicates.Count && _task.Predicates[predicate].Kind == PredicateKind.Derived;
    }

    private int LayerOf(int atom) => _task.Predicates[_model.Atoms.PredicateOf(atom)].Layer;

    private string AtomName(int atom) => _task.AtomText(_model.Atoms.PredicateOf(atom), _model.Atoms.ArgumentsOf(atom));

    private static void AddAtoms(SortedSet<int> used, int[] literals)
    {
        foreach (var literal in literals)
        {
            used.Add(GroundLiteral.Atom(literal));
        }
    }

    private static int[] Sorted(IEnumerable<int> facts)
    {
        var array = facts.Distinct().ToArray();
        Array.Sort(array);
        return array;
    }
}
