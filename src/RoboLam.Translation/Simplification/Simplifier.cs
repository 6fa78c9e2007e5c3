using RoboLam.Translation.Grounding;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Simplification;

/// <summary>
/// Stage 3: ground-level simplification, repeated until nothing changes. An atom that no remaining operator can
/// change keeps its initial value and is removed from every condition (a false one removes the operator, effect
/// or rule); effects that cannot change anything go (adding what the precondition requires, deleting what it
/// forbids, deleting what the same operator adds anyway); effects on atoms no condition or goal ever reads go;
/// operators left without effects go; duplicates go.
/// </summary>
internal static class Simplifier
{
    public static GroundModel Simplify(GroundModel model, IReadOnlyList<PredicateInfo> predicates, CancellationToken cancellationToken = default)
    {
        var atoms = model.Atoms;
        var isDerived = new bool[atoms.Count];
        for (var atom = 0; atom < atoms.Count; atom++)
        {
            isDerived[atom] = atoms.PredicateOf(atom) < predicates.Count
                && predicates[atoms.PredicateOf(atom)].Kind == PredicateKind.Derived;
        }

        var actions = model.Actions.ToList();
        var axioms = model.Axioms.ToList();
        var goal = model.Goal;
        var goalIsFalse = model.GoalIsFalse;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var facts = new AtomStatus(atoms.Count, isDerived, model.InitialAtoms, actions, axioms, goal);
            var simplifiedActions = new List<GroundAction>(actions.Count);
            foreach (var action in actions)
            {
                var simplified = SimplifyAction(action, facts);
                if (simplified is not null)
                {
                    simplifiedActions.Add(simplified);
                }
            }

            var simplifiedAxioms = new List<GroundRule>(axioms.Count);
            foreach (var axiom in axioms)
            {
                var body = facts.Simplify(axiom.Body);
                if (body is not null && facts.IsRelevant(axiom.Head))
                {
                    simplifiedAxioms.Add(new GroundRule(axiom.Head, body));
                }
            }

            var simplifiedGoal = facts.SimplifyGoal(goal, out var falseLiteral);
            goalIsFalse |= falseLiteral;
            var changed = simplifiedActions.Count != actions.Count
                || simplifiedAxioms.Count != axioms.Count
                || simplifiedGoal.Length != goal.Length
                || EffectCount(simplifiedActions) != EffectCount(actions)
                || LiteralCount(simplifiedActions, simplifiedAxioms) != LiteralCount(actions, axioms);
            actions = simplifiedActions;
            axioms = simplifiedAxioms;
            goal = simplifiedGoal;
            if (!changed)
            {
                break;
            }
        }

        return new GroundModel(
            atoms,
            Deduplicate.Actions(actions),
            Deduplicate.Axioms(axioms),
            model.InitialAtoms,
            goal,
            model.UnreachedGoalAtoms,
            goalIsFalse,
            model.HasActionCosts);
    }

    private static GroundAction? SimplifyAction(GroundAction action, AtomStatus facts)
    {
        var precondition = facts.Simplify(action.Precondition);
        if (precondition is null)
        {
            return null;
        }

        var required = new HashSet<int>(precondition);
        var effects = new List<GroundEffectInstance>(action.Effects.Length);
        foreach (var effect in action.Effects)
        {
            if (!facts.IsFluent(effect.Atom) || !facts.IsRelevant(effect.Atom))
            {
                continue;
            }

            var condition = facts.Simplify(effect.Condition);
            if (condition is null || condition.Any(literal => required.Contains(GroundLiteral.Negate(literal))))
            {
                continue;
            }

            condition = condition.Where(literal => !required.Contains(literal)).ToArray();
            effects.Add(effect with { Condition = condition });
        }

        effects = RemoveNoOps(effects, required);
        return effects.Count == 0 ? null : action with { Precondition = precondition, Effects = [.. effects] };
    }

    /// <summary>Drops adds of required atoms nothing here deletes, deletes of forbidden atoms, and deletes an add overrides.</summary>
    private static List<GroundEffectInstance> RemoveNoOps(List<GroundEffectInstance> effects, HashSet<int> required)
    {
        var deleted = effects.Where(effect => effect.IsDelete).Select(effect => effect.Atom).ToHashSet();
        var result = new List<GroundEffectInstance>(effects.Count);
        foreach (var effect in effects)
        {
            if (!effect.IsDelete)
            {
                if (!(required.Contains(GroundLiteral.Of(effect.Atom, negated: false)) && !deleted.Contains(effect.Atom)))
                {
                    result.Add(effect);
                }

                continue;
            }

            var forbidden = required.Contains(GroundLiteral.Of(effect.Atom, negated: true));
            var overridden = effects.Any(add =>
                !add.IsDelete && add.Atom == effect.Atom && add.Condition.All(effect.Condition.Contains));
            if (!forbidden && !overridden)
            {
                result.Add(effect);
            }
        }

        return result;
    }

    private static int EffectCount(List<GroundAction> actions) => actions.Sum(action => action.Effects.Length);

    private static long LiteralCount(List<GroundAction> actions, List<GroundRule> axioms) =>
        actions.Sum(action => (long)action.Precondition.Length + action.Effects.Sum(effect => effect.Condition.Length))
        + axioms.Sum(axiom => (long)axiom.Body.Length);
}
