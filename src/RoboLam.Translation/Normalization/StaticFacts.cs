namespace RoboLam.Translation.Normalization;

/// <summary>
/// The predicates no action changes, and their initial facts: what can be decided before grounding.
/// </summary>
internal sealed class StaticFacts
{
    private readonly HashSet<string> _fluentPredicates;
    private readonly HashSet<string> _derivedPredicates;
    private readonly HashSet<string> _facts;

    public StaticFacts(
        IEnumerable<string> fluentPredicates,
        IEnumerable<string> derivedPredicates,
        IEnumerable<(string Predicate, IReadOnlyList<string> Arguments)> initialFacts)
    {
        _fluentPredicates = new HashSet<string>(fluentPredicates, StringComparer.Ordinal);
        _derivedPredicates = new HashSet<string>(derivedPredicates, StringComparer.Ordinal);
        _facts = new HashSet<string>(
            initialFacts.Select(fact => Key(fact.Predicate, fact.Arguments)), StringComparer.Ordinal);
    }

    public bool IsStatic(string predicate) =>
        predicate != LiteralFormula.EqualityPredicate
        && !_fluentPredicates.Contains(predicate)
        && !_derivedPredicates.Contains(predicate)
        && !TypeTable.IsTypePredicate(predicate)
        && !predicate.StartsWith('@');

    public bool Holds(string predicate, IReadOnlyList<string> arguments) => _facts.Contains(Key(predicate, arguments));

    private static string Key(string predicate, IReadOnlyList<string> arguments) =>
        arguments.Count == 0 ? predicate : predicate + " " + string.Join(' ', arguments);
}
