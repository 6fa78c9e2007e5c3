namespace RoboLam.Translation.Grounding;

/// <summary>The facts joins may use, one <see cref="PredicateFacts"/> per predicate id.</summary>
internal sealed class FactStore
{
    private readonly PredicateFacts[] _predicates;

    public FactStore(IEnumerable<int> arities)
    {
        _predicates = arities.Select(arity => new PredicateFacts(arity)).ToArray();
    }

    public PredicateFacts this[int predicate] => _predicates[predicate];

    public int PredicateCount => _predicates.Length;
}

/// <summary>Receives each binding a join finds; the array is reused, so copy what must be kept.</summary>
internal interface IJoinSink
{
    void OnMatch(int[] binding);
}
