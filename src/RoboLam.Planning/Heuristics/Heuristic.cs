namespace RoboLam.Planning.Heuristics;

/// <summary>A state evaluator; <see cref="DeadEnd"/> means no plan can start from the state.</summary>
internal abstract class Heuristic
{
    public const int DeadEnd = int.MaxValue;

    protected Heuristic(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>True when the heuristic can mark operators of a state as preferred.</summary>
    public virtual bool ProducesPreferredOperators => false;

    /// <summary>True when the estimate never exceeds the optimal remaining cost.</summary>
    public virtual bool IsAdmissible => false;

    /// <summary>
    /// Estimates the cost to the goal from <see cref="EvaluationContext.State"/>; marks preferred operators in
    /// <see cref="EvaluationContext.Preferred"/> when <see cref="EvaluationContext.CollectPreferred"/> is set.
    /// </summary>
    public abstract int Evaluate(EvaluationContext context);

    /// <summary>Path-dependent heuristics record the initial state here.</summary>
    public virtual void OnInitialState(int stateId, ReadOnlySpan<ulong> state)
    {
    }

    /// <summary>Path-dependent heuristics record that <paramref name="childId"/> was first reached from <paramref name="parentId"/>.</summary>
    public virtual void OnTransition(int parentId, int op, int childId, ReadOnlySpan<ulong> child)
    {
    }
}
