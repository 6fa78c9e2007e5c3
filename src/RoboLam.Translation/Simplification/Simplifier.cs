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
    public static GroundModel Simplify(
        GroundModel model, IReadOnlyList<PredicateInfo> predicates, CancellationToken cancellationToken = default)
    {
        var atoms = model.Atoms;
        var isDerived = new bool[atoms.Count];
        for (var atom = 0; atom < atoms.Count; atom++)
        {
            var predicate = atoms.PredicateOf(atom);
            isDerived[atom] = predicate < predicates.Count && predicates[predicate].Kind == PredicateKind.Derived;
        }

        var actions = model.Actions.ToList();
        var axioms = model.Axioms.ToList();
        var goal = model.Goal;
        var goalIsFalse = model.GoalIsFalse;
        var changed = true;
        var normalized = false;
        while (changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = new AtomStatus(atoms.Count, isDerived, model.InitialAtoms, actions, axioms, goal, model.Invariants);
            changed = false;
            var keptActions = new List<GroundAction>(actions.Count);
            foreach (var action in actions)
            {
                var simplified = SimplifyAction(action, status, normalized);
                changed |= !ReferenceEquals(simplified, action);
                if (simplified is not null)
                {
                    keptActions.Add(simplified);
                }
            }

            var keptAxioms = new List<GroundRule>(axioms.Count);
            foreach (var axiom in axioms)
            {
                var body = status.Simplify(axiom.Body);
                if (body is null || !status.IsRelevant(axiom.Head))
                {
                    changed = true;
                    continue;
                }

                changed |= !ReferenceEquals(body, axiom.Body);
                keptAxioms.Add(ReferenceEquals(body, axiom.Body) ? axiom : new GroundRule(axiom.Head, body));
            }

            var keptGoal = status.SimplifyGoal(goal, out var falseLiteral);
            goalIsFalse |= falseLiteral;
            changed |= keptGoal.Length != goal.Length;
            actions = keptActions;
            axioms = keptAxioms;
            goal = keptGoal;
            normalized = true;
        }

        // An invariant whose rules all went can never be broken.
        var heads = axioms.Select(axiom => axiom.Head).ToHashSet();
        return new GroundModel(
            atoms,
            Deduplicate.Actions(actions),
            Deduplicate.Axioms(axioms),
            model.InitialAtoms,
            goal,
            model.UnreachedGoalAtoms,
            goalIsFalse,
            model.HasActionCosts,
            model.Invariants.Where(invariant => heads.Contains(invariant.Atom)).ToList());
    }

    /// <summary>
    /// The simplified action, the same instance when nothing changed, or null when it can never help.
    /// <paramref name="normalized"/> says the action came out of an earlier round, so the checks of effects
    /// against the precondition need repeating only where the precondition or the effect changed.
    /// </summary>
    private static GroundAction? SimplifyAction(GroundAction action, AtomStatus status, bool normalized)
    {
        var precondition = status.Simplify(action.Precondition);
        if (precondition is null)
        {
            return null;
        }

        var preconditionChanged = !ReferenceEquals(precondition, action.Precondition);
        List<GroundEffectInstance>? effects = null;
        for (var index = 0; index < action.Effects.Length; index++)
        {
            var effect = action.Effects[index];
            var simplified = SimplifyEffect(effect, precondition, status, recheck: !normalized || preconditionChanged);
            if (effects is null && !ReferenceEquals(simplified, effect))
            {
                effects = new List<GroundEffectInstance>(action.Effects.Length);
                effects.AddRange(action.Effects.AsSpan(0, index));
            }

            if (effects is not null && simplified is not null)
            {
                effects.Add(simplified);
            }
        }

        if (effects is null && (normalized && !preconditionChanged))
        {
            return action;
        }

        effects ??= [.. action.Effects];
        var removed = RemoveNoOps(effects, precondition);
        if (effects.Count == 0)
        {
            return null;
        }

        var unchanged = !preconditionChanged && !removed && effects.Count == action.Effects.Length
            && effects.Zip(action.Effects).All(pair => ReferenceEquals(pair.First, pair.Second));
        return unchanged ? action : action with { Precondition = precondition, Effects = [.. effects] };
    }

    private static GroundEffectInstance? SimplifyEffect(
        GroundEffectInstance effect, int[] precondition, AtomStatus status, bool recheck)
    {
        if (!status.IsFluent(effect.Atom) || !status.IsRelevant(effect.Atom))
        {
            return null;
        }

        var condition = status.Simplify(effect.Condition);
        if (condition is null)
        {
            return null;
        }

        if (!recheck && ReferenceEquals(condition, effect.Condition))
        {
            return effect;
        }

        // What the precondition guarantees need not be tested again; what it rules out never fires.
        var redundant = 0;
        foreach (var literal in condition)
        {
            if (Contains(precondition, GroundLiteral.Negate(literal)))
            {
                return null;
            }

            if (Contains(precondition, literal))
            {
                redundant++;
            }
        }

        if (redundant > 0)
        {
            condition = condition.Where(literal => !Contains(precondition, literal)).ToArray();
        }

        return ReferenceEquals(condition, effect.Condition) ? effect : effect with { Condition = condition };
    }

    /// <summary>
    /// Drops adds of atoms the precondition requires when nothing here deletes them, deletes of atoms it forbids,
    /// and deletes an add with a weaker condition overrides (adds win), until none is left: dropping an overridden
    /// delete can make the add that overrode it a no-op. Says whether anything was dropped.
    /// </summary>
    private static bool RemoveNoOps(List<GroundEffectInstance> effects, int[] precondition)
    {
        var removedAny = false;
        while (true)
        {
            // Decide against a stable list, then remove.
            var noOps = effects.Where(effect => IsNoOp(effect, effects, precondition)).ToList();
            if (noOps.Count == 0)
            {
                return removedAny;
            }

            effects.RemoveAll(noOps.Contains);
            removedAny = true;
        }
    }

    private static bool IsNoOp(GroundEffectInstance effect, List<GroundEffectInstance> effects, int[] precondition)
    {
        if (!effect.IsDelete)
        {
            if (!Contains(precondition, GroundLiteral.Of(effect.Atom, negated: false)))
            {
                return false;
            }

            foreach (var other in effects)
            {
                if (other.IsDelete && other.Atom == effect.Atom)
                {
                    return false;
                }
            }

            return true;
        }

        if (Contains(precondition, GroundLiteral.Of(effect.Atom, negated: true)))
        {
            return true;
        }

        foreach (var add in effects)
        {
            if (!add.IsDelete && add.Atom == effect.Atom && IsSubset(add.Condition, effect.Condition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Membership in a sorted literal array.</summary>
    private static bool Contains(int[] sorted, int literal) => Array.BinarySearch(sorted, literal) >= 0;

    private static bool IsSubset(int[] sortedSubset, int[] sortedSuperset)
    {
        foreach (var literal in sortedSubset)
        {
            if (!Contains(sortedSuperset, literal))
            {
                return false;
            }
        }

        return true;
    }
}
