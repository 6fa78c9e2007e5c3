using System.Numerics;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Grounding;

/// <summary>
/// Enumerates the bindings of a <see cref="JoinQuery"/> over a <see cref="FactStore"/>. At every step it joins the
/// atom with the fewest matching facts under the current binding (most selective first); fully bound atoms are
/// plain membership tests. Filters run as soon as their variables are bound.
/// </summary>
internal sealed class Joiner
{
    private readonly FactStore _store;
    private readonly int[] _values;

    public Joiner(FactStore store)
    {
        _store = store;
        var maximumArity = 0;
        for (var predicate = 0; predicate < store.PredicateCount; predicate++)
        {
            maximumArity = Math.Max(maximumArity, store[predicate].Arity);
        }

        _values = new int[Math.Max(1, maximumArity)];
    }

    /// <summary>
    /// Extends <paramref name="binding"/> (−1 marks an unbound variable) over the joined atoms in
    /// <paramref name="atoms"/> (a bit per atom of <see cref="JoinQuery.Atoms"/>), after checking the ground
    /// atoms other than <paramref name="skippedGroundAtom"/>. Unbound entries are restored afterwards.
    /// </summary>
    public void Run(JoinQuery query, int[] binding, ulong atoms, IJoinSink sink, int skippedGroundAtom = -1)
    {
        for (var index = 0; index < query.GroundAtoms.Length; index++)
        {
            var ground = query.GroundAtoms[index];
            if (index != skippedGroundAtom && !_store[ground.Predicate].Contains(ground.Arguments))
            {
                return;
            }
        }

        if (!FiltersPass(query, binding))
        {
            return;
        }

        Extend(query, binding, atoms, sink);
    }

    /// <summary>Binds the variables of <paramref name="atom"/> to <paramref name="fact"/>; false on a clash.</summary>
    public static bool Unify(JoinAtom atom, int[] fact, int[] binding)
    {
        for (var position = 0; position < fact.Length; position++)
        {
            var term = atom.Arguments[position];
            if (!Terms.IsVariable(term))
            {
                if (term != fact[position])
                {
                    return false;
                }

                continue;
            }

            ref var slot = ref binding[Terms.VariableIndex(term)];
            if (slot < 0)
            {
                slot = fact[position];
            }
            else if (slot != fact[position])
            {
                return false;
            }
        }

        return true;
    }

    private void Extend(JoinQuery query, int[] binding, ulong remaining, IJoinSink sink)
    {
        var best = -1;
        IReadOnlyList<int[]>? bestFacts = null;
        var pending = remaining;
        while (pending != 0)
        {
            var index = BitOperations.TrailingZeroCount(pending);
            pending &= pending - 1;
            var atom = query.Atoms[index];
            var facts = _store[atom.Predicate];
            var mask = 0;
            for (var position = 0; position < atom.Arguments.Length; position++)
            {
                var term = atom.Arguments[position];
                var value = Terms.IsVariable(term) ? binding[Terms.VariableIndex(term)] : term;
                if (value >= 0)
                {
                    mask |= 1 << position;
                    _values[position] = value;
                }
            }

            if (mask == (1 << atom.Arguments.Length) - 1)
            {
                // Fully bound: a membership test that either fails the branch or is done with.
                if (!facts.Contains(_values.AsSpan(0, atom.Arguments.Length)))
                {
                    return;
                }

                remaining &= ~(1UL << index);
                continue;
            }

            var matching = facts.Matching(mask, _values);
            if (matching.Count == 0)
            {
                return;
            }

            if (bestFacts is null || matching.Count < bestFacts.Count)
            {
                best = index;
                bestFacts = matching;
            }
        }

        if (bestFacts is null)
        {
            sink.OnMatch(binding);
            return;
        }

        remaining &= ~(1UL << best);
        var chosen = query.Atoms[best];
        Span<int> newlyBound = stackalloc int[chosen.Arguments.Length];
        for (var factIndex = 0; factIndex < bestFacts.Count; factIndex++)
        {
            var fact = bestFacts[factIndex];
            var boundCount = 0;
            var consistent = true;
            for (var position = 0; position < fact.Length; position++)
            {
                var term = chosen.Arguments[position];
                if (!Terms.IsVariable(term))
                {
                    continue;
                }

                var variable = Terms.VariableIndex(term);
                if (binding[variable] < 0)
                {
                    binding[variable] = fact[position];
                    newlyBound[boundCount++] = variable;
                }
                else if (binding[variable] != fact[position])
                {
                    consistent = false;
                    break;
                }
            }

            if (consistent && FiltersPass(query, binding))
            {
                Extend(query, binding, remaining, sink);
            }

            for (var undo = 0; undo < boundCount; undo++)
            {
                binding[newlyBound[undo]] = -1;
            }
        }
    }

    /// <summary>False when a filter whose variables are all bound fails.</summary>
    private bool FiltersPass(JoinQuery query, int[] binding)
    {
        foreach (var filter in query.Filters)
        {
            var arguments = filter.Arguments;
            var allBound = true;
            for (var position = 0; position < arguments.Length; position++)
            {
                var term = arguments[position];
                var value = Terms.IsVariable(term) ? binding[Terms.VariableIndex(term)] : term;
                if (value < 0)
                {
                    allBound = false;
                    break;
                }

                _values[position] = value;
            }

            if (!allBound)
            {
                continue;
            }

            var holds = filter.Predicate is { } predicate
                ? _store[predicate].Contains(_values.AsSpan(0, arguments.Length))
                : _values[0] == _values[1];
            if (holds == filter.IsNegated)
            {
                return false;
            }
        }

        return true;
    }
}
