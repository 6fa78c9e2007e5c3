namespace RoboLam.Translation.Normalization;

/// <summary>
/// Expands <c>(forall (?x - t) φ)</c> into the conjunction of φ over the objects of type t, when static facts
/// reduce that conjunction to plain literals. Such conditions then stay visible to the heuristics as ordinary
/// preconditions instead of hiding behind an axiom; anything still disjunctive is left to axioms.
/// </summary>
internal sealed class ForAllExpander
{
    public const int DefaultInstanceLimit = 512;

    private readonly Func<Variable, IReadOnlyList<string>> _objectsOfType;
    private readonly StaticFacts? _statics;
    private readonly int _instanceLimit;

    public ForAllExpander(
        Func<Variable, IReadOnlyList<string>> objectsOfType, StaticFacts? statics, int instanceLimit = DefaultInstanceLimit)
    {
        _objectsOfType = objectsOfType;
        _statics = statics;
        _instanceLimit = instanceLimit;
    }

    /// <summary>A disabled expander, which always declines.</summary>
    public static ForAllExpander None { get; } = new(_ => [], statics: null, instanceLimit: 0);

    public Formula? TryExpand(ForAllFormula forAll)
    {
        if (_statics is null)
        {
            return null;
        }

        var domains = forAll.Variables.Select(_objectsOfType).ToList();
        long instances = 1;
        foreach (var domain in domains)
        {
            instances *= domain.Count;
            if (instances > _instanceLimit)
            {
                return null;
            }
        }

        var parts = new List<Formula>();
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var combination in Combinations(domains))
        {
            for (var index = 0; index < forAll.Variables.Count; index++)
            {
                assignment[forAll.Variables[index].Name] = combination[index];
            }

            var instance = Substitute(forAll.Body, assignment);
            if (instance is TruthFormula { Value: false })
            {
                return TruthFormula.False;
            }

            if (!IsConjunctionOfLiterals(instance))
            {
                return null;
            }

            parts.Add(instance);
        }

        return Formulas.And(parts);
    }

    private static IEnumerable<string[]> Combinations(List<IReadOnlyList<string>> domains)
    {
        var indices = new int[domains.Count];
        if (domains.Any(domain => domain.Count == 0))
        {
            yield break;
        }

        while (true)
        {
            yield return indices.Select((choice, position) => domains[position][choice]).ToArray();
            var position = domains.Count - 1;
            while (position >= 0 && ++indices[position] == domains[position].Count)
            {
                indices[position] = 0;
                position--;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }

    private static bool IsConjunctionOfLiterals(Formula formula) => formula switch
    {
        LiteralFormula or TruthFormula => true,
        AndFormula and => and.Parts.All(part => part is LiteralFormula),
        _ => false,
    };

    private Formula Substitute(Formula formula, IReadOnlyDictionary<string, string> assignment) => formula switch
    {
        LiteralFormula literal => Evaluate(literal with
        {
            Arguments = literal.Arguments
                .Select(argument => assignment.TryGetValue(argument, out var value) ? value : argument)
                .ToArray(),
        }),
        AndFormula and => Formulas.And(and.Parts.Select(part => Substitute(part, assignment))),
        OrFormula or => Formulas.Or(or.Parts.Select(part => Substitute(part, assignment))),
        ExistsFormula exists => Formulas.Exists(exists.Variables, Substitute(exists.Body, assignment)),
        ForAllFormula forAll => Formulas.ForAll(forAll.Variables, Substitute(forAll.Body, assignment)),
        _ => formula,
    };

    /// <summary>Decides ground equalities and ground static literals; leaves everything else.</summary>
    private Formula Evaluate(LiteralFormula literal)
    {
        if (literal.Arguments.Any(Formulas.IsVariable))
        {
            return literal;
        }

        bool holds;
        if (literal.Predicate == LiteralFormula.EqualityPredicate)
        {
            holds = literal.Arguments[0] == literal.Arguments[1];
        }
        else if (_statics!.IsStatic(literal.Predicate))
        {
            holds = _statics.Holds(literal.Predicate, literal.Arguments);
        }
        else
        {
            return literal;
        }

        return holds != literal.IsNegated ? TruthFormula.True : TruthFormula.False;
    }
}
