namespace RoboLam.Translation.Normalization;

/// <summary>Smart constructors and transformations that keep formulas flat and free of needless constants.</summary>
internal static class Formulas
{
    public static Formula And(IEnumerable<Formula> parts)
    {
        var flat = new List<Formula>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TruthFormula { Value: true }:
                    break;
                case TruthFormula { Value: false }:
                    return TruthFormula.False;
                case AndFormula and:
                    flat.AddRange(and.Parts);
                    break;
                default:
                    flat.Add(part);
                    break;
            }
        }

        return flat.Count switch
        {
            0 => TruthFormula.True,
            1 => flat[0],
            _ => new AndFormula(flat),
        };
    }

    public static Formula Or(IEnumerable<Formula> parts)
    {
        var flat = new List<Formula>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TruthFormula { Value: false }:
                    break;
                case TruthFormula { Value: true }:
                    return TruthFormula.True;
                case OrFormula or:
                    flat.AddRange(or.Parts);
                    break;
                default:
                    flat.Add(part);
                    break;
            }
        }

        return flat.Count switch
        {
            0 => TruthFormula.False,
            1 => flat[0],
            _ => new OrFormula(flat),
        };
    }

    // An existential over an empty type is false even with a true body, so "exists ... true" is kept;
    // the variable then becomes a parameter bound by its type.
    public static Formula Exists(IReadOnlyList<Variable> variables, Formula body) =>
        variables.Count == 0 || body is TruthFormula { Value: false } ? body : new ExistsFormula(variables, body);

    public static Formula ForAll(IReadOnlyList<Variable> variables, Formula body) =>
        variables.Count == 0 || body is TruthFormula { Value: true } ? body : new ForAllFormula(variables, body);

    /// <summary>The negation, again in negation normal form.</summary>
    public static Formula Negate(Formula formula) => formula switch
    {
        LiteralFormula literal => literal.Negate(),
        AndFormula and => Or(and.Parts.Select(Negate)),
        OrFormula or => And(or.Parts.Select(Negate)),
        ExistsFormula exists => ForAll(exists.Variables, Negate(exists.Body)),
        ForAllFormula forAll => Exists(forAll.Variables, Negate(forAll.Body)),
        TruthFormula truth => truth.Value ? TruthFormula.False : TruthFormula.True,
        _ => throw new InvalidOperationException($"Unknown formula {formula.GetType().Name}."),
    };

    /// <summary>Variables that occur free, in order of first occurrence.</summary>
    public static List<string> FreeVariables(Formula formula)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(formula, new HashSet<string>(StringComparer.Ordinal), seen, result);
        return result;
    }

    public static bool IsVariable(string argument) => argument.Length > 0 && argument[0] == '?';

    private static void Collect(Formula formula, HashSet<string> bound, HashSet<string> seen, List<string> result)
    {
        switch (formula)
        {
            case LiteralFormula literal:
                foreach (var argument in literal.Arguments)
                {
                    if (IsVariable(argument) && !bound.Contains(argument) && seen.Add(argument))
                    {
                        result.Add(argument);
                    }
                }

                break;
            case AndFormula and:
                foreach (var part in and.Parts)
                {
                    Collect(part, bound, seen, result);
                }

                break;
            case OrFormula or:
                foreach (var part in or.Parts)
                {
                    Collect(part, bound, seen, result);
                }

                break;
            case ExistsFormula exists:
                CollectQuantified(exists.Variables, exists.Body, bound, seen, result);
                break;
            case ForAllFormula forAll:
                CollectQuantified(forAll.Variables, forAll.Body, bound, seen, result);
                break;
        }
    }

    private static void CollectQuantified(
        IReadOnlyList<Variable> variables, Formula body, HashSet<string> bound, HashSet<string> seen, List<string> result)
    {
        var inner = new HashSet<string>(bound, StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            inner.Add(variable.Name);
        }

        Collect(body, inner, seen, result);
    }
}
