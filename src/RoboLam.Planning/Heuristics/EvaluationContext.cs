using RoboLam.Planning.Successors;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// The state being evaluated, reused for every evaluation of a search: its words, its id, the preferred operators
/// found, and its applicable operators computed at most once (heuristics and expansion share them).
/// </summary>
internal sealed class EvaluationContext
{
    private readonly IApplicableOperatorFinder _finder;
    private readonly List<int> _applicable = new(256);
    private bool _applicableKnown;

    public EvaluationContext(int wordCount, int operatorCount, IApplicableOperatorFinder finder)
    {
        State = new ulong[wordCount];
        Preferred = new PreferredOperatorSet(operatorCount);
        _finder = finder;
    }

    /// <summary>The words of the state; the search writes them before <see cref="Reset"/>.</summary>
    public ulong[] State { get; }

    public int StateId { get; private set; }

    /// <summary>Set by the search before each heuristic call: whether that heuristic should mark preferred operators.</summary>
    public bool CollectPreferred { get; set; }

    public PreferredOperatorSet Preferred { get; }

    /// <summary>Starts evaluating the state now held in <see cref="State"/>.</summary>
    public void Reset(int stateId)
    {
        StateId = stateId;
        CollectPreferred = false;
        Preferred.Clear();
        _applicableKnown = false;
    }

    /// <summary>
    /// The applicable operators in id order. The order decides ties in the open lists; id order follows the
    /// translator's action order, which keeps searches deterministic whatever the finder's internal order.
    /// </summary>
    public List<int> ApplicableOperators
    {
        get
        {
            if (!_applicableKnown)
            {
                _finder.Find(State, _applicable);
                _applicable.Sort();
                _applicableKnown = true;
            }

            return _applicable;
        }
    }
}
