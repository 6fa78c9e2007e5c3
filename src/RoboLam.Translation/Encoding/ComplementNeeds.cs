using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Encoding;

/// <summary>
/// Which basic atoms need a complement fact and which derived atoms a negation-as-failure fact: those read
/// negated by an operator, an effect condition, an axiom body (basic atoms only) or the goal. An operator that
/// deletes p under one condition and adds it under another makes the complement's add depend on the negation of
/// the add's condition, which may in turn need more complements; that is followed to a fixpoint.
/// </summary>
internal sealed class ComplementNeeds
{
    private ComplementNeeds()
    {
    }

    public HashSet<int> Complemented { get; } = [];

    public HashSet<int> NegatedDerived { get; } = [];

    public static ComplementNeeds Compute(GroundModel model, Func<int, bool> isDerived)
    {
        var needs = new ComplementNeeds();
        foreach (var action in model.Actions)
        {
            needs.Read(action.Precondition, isDerived, derivedToo: true);
            foreach (var effect in action.Effects)
            {
                needs.Read(effect.Condition, isDerived, derivedToo: true);
            }
        }

        foreach (var rule in model.Axioms)
        {
            needs.Read(rule.Body, isDerived, derivedToo: false);
        }

        needs.Read(model.Goal, isDerived, derivedToo: true);

        var conflicting = new List<(GroundAction Action, GroundEffectInstance Delete)>();
        foreach (var action in model.Actions)
        {
            foreach (var effect in action.Effects)
            {
                if (effect.IsDelete && AddsToo(action, effect.Atom))
                {
                    conflicting.Add((action, effect));
                }
            }
        }

        var changed = conflicting.Count > 0;
        while (changed)
        {
            var before = needs.Complemented.Count + needs.NegatedDerived.Count;
            foreach (var (action, effect) in conflicting.Where(pair => needs.Complemented.Contains(pair.Delete.Atom)))
            {
                foreach (var unless in UnlessConditions(action, effect))
                {
                    needs.Read(unless, isDerived, derivedToo: true);
                }
            }

            changed = needs.Complemented.Count + needs.NegatedDerived.Count != before;
        }

        return needs;
    }

    /// <summary>
    /// The conditions (each a conjunction of literals, alternatives to one another) under which none of the
    /// operator's adds of the deleted atom fires: one negated literal from each add's condition.
    /// </summary>
    public static List<int[]> UnlessConditions(GroundAction action, GroundEffectInstance delete)
    {
        List<int[]> result = [[]];
        if (!AddsToo(action, delete.Atom))
        {
            return result;
        }

        foreach (var add in action.Effects.Where(effect => !effect.IsDelete && effect.Atom == delete.Atom))
        {
            result = result
                .SelectMany(partial => add.Condition.Select(literal => (int[])[.. partial, GroundLiteral.Negate(literal)]))
                .ToList();
        }

        return result;
    }

    private static bool AddsToo(GroundAction action, int atom)
    {
        foreach (var effect in action.Effects)
        {
            if (!effect.IsDelete && effect.Atom == atom)
            {
                return true;
            }
        }

        return false;
    }

    private void Read(int[] literals, Func<int, bool> isDerived, bool derivedToo)
    {
        foreach (var literal in literals)
        {
            if (!GroundLiteral.IsNegated(literal))
            {
                continue;
            }

            var atom = GroundLiteral.Atom(literal);
            if (!isDerived(atom))
            {
                Complemented.Add(atom);
            }
            else if (derivedToo)
            {
                NegatedDerived.Add(atom);
            }
        }
    }
}
