using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>
/// Orders derived predicates into strata: a predicate sits no lower than those it uses positively and
/// strictly above those it uses under negation. A predicate that depends negatively on itself (through
/// any chain) has no stratum, and the domain is rejected.
/// </summary>
internal static class Stratifier
{
    public static IReadOnlyList<IReadOnlyList<DerivedPredicateDef>> Stratify(IReadOnlyList<DerivedPredicateDef> rules)
    {
        var derivedNames = rules.Select(rule => rule.Name).ToHashSet(StringComparer.Ordinal);
        var dependencies = new List<(string Head, string Used, bool Negative)>();
        foreach (var rule in rules)
        {
            foreach (var (predicate, positive) in Occurrences(rule.Body, positive: true))
            {
                if (derivedNames.Contains(predicate))
                {
                    dependencies.Add((rule.Name, predicate, !positive));
                }
            }
        }

        var level = derivedNames.ToDictionary(name => name, _ => 0, StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (head, used, negative) in dependencies)
            {
                var needed = level[used] + (negative ? 1 : 0);
                if (level[head] < needed)
                {
                    level[head] = needed;
                    changed = true;
                    if (needed > derivedNames.Count)
                    {
                        throw new TaskError(
                            $"the derived predicates are not stratifiable: '{head}' depends on the negation of itself");
                    }
                }
            }
        }
        while (changed);

        return rules
            .GroupBy(rule => level[rule.Name])
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<DerivedPredicateDef>)group.ToArray())
            .ToArray();
    }

    /// <summary>Every predicate a condition uses, with whether it occurs positively.</summary>
    private static IEnumerable<(string Predicate, bool Positive)> Occurrences(Condition condition, bool positive)
    {
        switch (condition)
        {
            case AtomCondition atom:
                yield return (atom.Atom.Predicate, positive);
                break;
            case NotCondition negation:
                foreach (var occurrence in Occurrences(negation.Operand, !positive))
                {
                    yield return occurrence;
                }

                break;
            case ImplyCondition imply:
                foreach (var occurrence in Occurrences(imply.Antecedent, !positive).Concat(Occurrences(imply.Consequent, positive)))
                {
                    yield return occurrence;
                }

                break;
            case AndCondition conjunction:
                foreach (var occurrence in conjunction.Operands.SelectMany(operand => Occurrences(operand, positive)))
                {
                    yield return occurrence;
                }

                break;
            case OrCondition disjunction:
                foreach (var occurrence in disjunction.Operands.SelectMany(operand => Occurrences(operand, positive)))
                {
                    yield return occurrence;
                }

                break;
            case ExistsCondition exists:
                foreach (var occurrence in Occurrences(exists.Body, positive))
                {
                    yield return occurrence;
                }

                break;
            case ForAllCondition forAll:
                foreach (var occurrence in Occurrences(forAll.Body, positive))
                {
                    yield return occurrence;
                }

                break;
            default:
                break;
        }
    }
}
