namespace RoboLam.Translation.Normalization;

/// <summary>
/// Disjunctive normal form of a formula without universal quantifiers. Existential variables move to the
/// front of each disjunct (they were renamed apart, so nothing is captured). Gives up (null) beyond a size limit,
/// so the caller can introduce axioms instead of multiplying disjuncts.
/// </summary>
internal static class Dnf
{
    public static List<Conjunct>? Convert(Formula formula, int limit)
    {
        switch (formula)
        {
            case LiteralFormula literal:
                return [new Conjunct([], [literal])];
            case TruthFormula truth:
                return truth.Value ? [new Conjunct([], [])] : [];
            case OrFormula or:
                {
                    var result = new List<Conjunct>();
                    foreach (var part in or.Parts)
                    {
                        var converted = Convert(part, limit);
                        if (converted is null || result.Count + converted.Count > limit)
                        {
                            return null;
                        }

                        result.AddRange(converted);
                    }

                    return result;
                }

            case AndFormula and:
                {
                    List<Conjunct> result = [new Conjunct([], [])];
                    foreach (var part in and.Parts)
                    {
                        var converted = Convert(part, limit);
                        if (converted is null || (long)result.Count * converted.Count > limit)
                        {
                            return null;
                        }

                        result = Product(result, converted);
                    }

                    return result;
                }

            case ExistsFormula exists:
                {
                    var converted = Convert(exists.Body, limit);
                    return converted?
                        .Select(conjunct => conjunct with { Variables = [.. exists.Variables, .. conjunct.Variables] })
                        .ToList();
                }

            default:
                throw new InvalidOperationException("Universal quantifiers must be compiled away before DNF.");
        }
    }

    private static List<Conjunct> Product(List<Conjunct> left, List<Conjunct> right)
    {
        var result = new List<Conjunct>(left.Count * right.Count);
        foreach (var first in left)
        {
            foreach (var second in right)
            {
                var literals = new List<LiteralFormula>(first.Literals);
                var contradiction = false;
                foreach (var literal in second.Literals)
                {
                    if (literals.Contains(literal))
                    {
                        continue;
                    }

                    if (literals.Any(existing => IsComplement(existing, literal)))
                    {
                        contradiction = true;
                        break;
                    }

                    literals.Add(literal);
                }

                if (!contradiction)
                {
                    result.Add(new Conjunct([.. first.Variables, .. second.Variables], literals));
                }
            }
        }

        return result;
    }

    private static bool IsComplement(LiteralFormula first, LiteralFormula second) =>
        first.IsNegated != second.IsNegated
        && first.Predicate == second.Predicate
        && first.Arguments.SequenceEqual(second.Arguments);
}
