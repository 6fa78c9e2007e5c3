using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Successors;

/// <summary>Applies an operator to a packed state: deletes, then adds (an add wins), conditions read in the old state, then axioms.</summary>
internal sealed class StateTransition
{
    private readonly SearchTask _task;
    private readonly AxiomEvaluator _axioms;

    public StateTransition(SearchTask task)
    {
        _task = task;
        _axioms = new AxiomEvaluator(task);
    }

    public SearchTask Task => _task;

    /// <summary>Writes the initial state, with its derived facts, into <paramref name="state"/>.</summary>
    public void WriteInitialState(Span<ulong> state)
    {
        _task.InitialFacts.CopyTo(state);
        _axioms.Evaluate(state);
    }

    public bool IsApplicable(ReadOnlySpan<ulong> state, int op) =>
        PackedState.ContainsAll(state, _task.PreconditionFacts, _task.PreconditionStart[op], _task.PreconditionStart[op + 1]);

    /// <summary>Writes the successor of <paramref name="parent"/> under <paramref name="op"/> into <paramref name="child"/> (which must not overlap the parent).</summary>
    public void Apply(ReadOnlySpan<ulong> parent, int op, Span<ulong> child)
    {
        parent.CopyTo(child);
        var task = _task;
        var deletes = task.DeleteFacts;
        for (var position = task.DeleteStart[op]; position < task.DeleteStart[op + 1]; position++)
        {
            PackedState.Remove(child, deletes[position]);
        }

        var conditionalStart = task.ConditionalEffectStart[op];
        var conditionalEnd = task.ConditionalEffectStart[op + 1];
        if (conditionalStart != conditionalEnd)
        {
            ApplyConditional(parent, child, conditionalStart, conditionalEnd, applyDeletes: true);
        }

        var adds = task.AddFacts;
        for (var position = task.AddStart[op]; position < task.AddStart[op + 1]; position++)
        {
            PackedState.Add(child, adds[position]);
        }

        if (conditionalStart != conditionalEnd)
        {
            ApplyConditional(parent, child, conditionalStart, conditionalEnd, applyDeletes: false);
        }

        _axioms.Evaluate(child);
    }

    private void ApplyConditional(ReadOnlySpan<ulong> parent, Span<ulong> child, int start, int end, bool applyDeletes)
    {
        var task = _task;
        for (var effect = start; effect < end; effect++)
        {
            if (task.ConditionalEffectIsDelete[effect] != applyDeletes)
            {
                continue;
            }

            if (!PackedState.ContainsAll(parent, task.EffectConditionFacts, task.EffectConditionStart[effect], task.EffectConditionStart[effect + 1]))
            {
                continue;
            }

            if (applyDeletes)
            {
                PackedState.Remove(child, task.ConditionalEffectFact[effect]);
            }
            else
            {
                PackedState.Add(child, task.ConditionalEffectFact[effect]);
            }
        }
    }

    /// <summary>True when the state (axioms evaluated) makes a forbidden fact true: it breaks an invariant and is pruned.</summary>
    public bool IsForbidden(ReadOnlySpan<ulong> state)
    {
        foreach (var fact in _task.ForbiddenFacts)
        {
            if (PackedState.Contains(state, fact))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every goal fact holds.</summary>
    public bool IsGoal(ReadOnlySpan<ulong> state)
    {
        var goal = _task.Goal;
        return PackedState.ContainsAll(state, goal, 0, goal.Length);
    }
}
