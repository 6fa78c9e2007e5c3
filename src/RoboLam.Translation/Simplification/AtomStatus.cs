using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Simplification;

/// <summary>
/// For one simplification round: which atoms can change (fluent), the value of those that cannot, and which
/// atoms anything reads (relevant).
/// </summary>
internal sealed class AtomStatus
{
    private readonly bool[] _fluent;
    private readonly bool[] _relevant;
    private readonly bool[] _initial;

    public AtomStatus(
        int atomCount,
        bool[] isDerived,
        IReadOnlySet<int> initialAtoms,
        IReadOnlyList<GroundAction> actions,
        IReadOnlyList<GroundRule> axioms,
        int[] goal,
        IReadOnlyList<GroundInvariant> invariants)
    {
        _fluent = new bool[atomCount];
        _relevant = new bool[atomCount];
        _initial = new bool[atomCount];
        foreach (var atom in initialAtoms)
        {
            _initial[atom] = true;
        }

        foreach (var action in actions)
        {
            foreach (var effect in action.Effects)
            {
                // An add changes an atom that starts false; a delete one that starts true.
                if (effect.IsDelete == _initial[effect.Atom])
                {
                    _fluent[effect.Atom] = true;
                }
            }

            MarkRelevant(action.Precondition);
            foreach (var effect in action.Effects)
            {
                MarkRelevant(effect.Condition);
            }
        }

        foreach (var axiom in axioms)
        {
            _fluent[axiom.Head] = true;
            MarkRelevant(axiom.Body);
        }

        MarkRelevant(goal);
        foreach (var invariant in invariants)
        {
            // Search reads violation atoms like goal atoms: their axioms and what those read must stay.
            _relevant[invariant.Atom] = true;
        }

        for (var atom = 0; atom < atomCount; atom++)
        {
            // A derived atom without rules is false; one with rules is computed, never constant here.
            if (isDerived[atom] && !_fluent[atom])
            {
                _initial[atom] = false;
            }
        }
    }

    public bool IsFluent(int atom) => _fluent[atom];

    public bool IsRelevant(int atom) => _relevant[atom];

    /// <summary>
    /// The condition sorted, without constant literals and duplicates (the same array when it already is so);
    /// null when a literal is constantly false or two contradict.
    /// </summary>
    public int[]? Simplify(int[] condition)
    {
        var clean = true;
        for (var index = 0; index < condition.Length; index++)
        {
            var literal = condition[index];
            if (!_fluent[GroundLiteral.Atom(literal)] || (index > 0 && condition[index - 1] >= literal))
            {
                clean = false;
                break;
            }

            // Sorted, so a literal and its negation (2a and 2a+1) would be neighbours.
            if (index > 0 && condition[index - 1] == GroundLiteral.Negate(literal))
            {
                return null;
            }
        }

        if (clean)
        {
            return condition;
        }

        var kept = new List<int>(condition.Length);
        foreach (var literal in condition)
        {
            var atom = GroundLiteral.Atom(literal);
            if (!_fluent[atom])
            {
                if (_initial[atom] == GroundLiteral.IsNegated(literal))
                {
                    return null;
                }

                continue;
            }

            kept.Add(literal);
        }

        kept.Sort();
        var result = new List<int>(kept.Count);
        foreach (var literal in kept)
        {
            if (result.Count > 0 && result[^1] == literal)
            {
                continue;
            }

            if (result.Count > 0 && result[^1] == GroundLiteral.Negate(literal))
            {
                return null;
            }

            result.Add(literal);
        }

        return [.. result];
    }

    /// <summary>The goal without constantly true literals; constantly false ones stay, and are reported.</summary>
    public int[] SimplifyGoal(int[] goal, out bool hasFalseLiteral)
    {
        hasFalseLiteral = false;
        var kept = new List<int>(goal.Length);
        foreach (var literal in goal)
        {
            var atom = GroundLiteral.Atom(literal);
            if (!_fluent[atom] && _initial[atom] != GroundLiteral.IsNegated(literal))
            {
                continue;
            }

            if (!_fluent[atom])
            {
                hasFalseLiteral = true;
            }

            if (!kept.Contains(literal))
            {
                kept.Add(literal);
            }
        }

        return [.. kept];
    }

    private void MarkRelevant(int[] literals)
    {
        foreach (var literal in literals)
        {
            _relevant[GroundLiteral.Atom(literal)] = true;
        }
    }
}
