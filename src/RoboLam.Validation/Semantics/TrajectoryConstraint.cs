namespace RoboLam.Validation.Semantics;

/// <summary>
/// A PDDL3 constraint over the sequence of states s0 (initial) .. sn (after the last step). Each instance
/// watches one plan run: <see cref="Observe"/> is called on every state in order, then <see cref="Finish"/>.
/// </summary>
internal abstract class TrajectoryConstraint
{
    protected TrajectoryConstraint(string text)
    {
        Text = text;
    }

    /// <summary>The constraint as PDDL, with the objects of an expanded forall filled in.</summary>
    public string Text { get; }

    public abstract void Reset();

    /// <summary>Null when the constraint still can hold; otherwise why it is violated at this state ("" when obvious).</summary>
    public abstract string? Observe(EvaluationContext context);

    /// <summary>Null when the whole trajectory satisfies the constraint; otherwise why not.</summary>
    public abstract string? Finish();
}

/// <summary><c>(always φ)</c>: φ in every state.</summary>
internal sealed class AlwaysConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _condition;

    public AlwaysConstraint(string text, CompiledCondition condition)
        : base(text)
    {
        _condition = condition;
    }

    public override void Reset()
    {
    }

    public override string? Finish() => null;

    public override string? Observe(EvaluationContext context) =>
        _condition.Holds(context) ? null : string.Empty;
}

/// <summary><c>(sometime φ)</c>: φ in at least one state.</summary>
internal sealed class SometimeConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _condition;
    private bool _seen;

    public SometimeConstraint(string text, CompiledCondition condition)
        : base(text)
    {
        _condition = condition;
    }

    public override void Reset() => _seen = false;

    public override string? Finish() => _seen ? null : "the condition never holds";

    public override string? Observe(EvaluationContext context)
    {
        _seen |= _condition.Holds(context);
        return null;
    }
}

/// <summary><c>(at end φ)</c>: φ in the last state.</summary>
internal sealed class AtEndConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _condition;
    private bool _holdsNow;

    public AtEndConstraint(string text, CompiledCondition condition)
        : base(text)
    {
        _condition = condition;
    }

    public override void Reset() => _holdsNow = false;

    public override string? Finish() => _holdsNow ? null : "the condition is false in the final state";

    public override string? Observe(EvaluationContext context)
    {
        _holdsNow = _condition.Holds(context);
        return null;
    }
}

/// <summary><c>(at-most-once φ)</c>: φ holds during at most one unbroken run of states.</summary>
internal sealed class AtMostOnceConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _condition;
    private bool _inRun;
    private bool _runEnded;

    public AtMostOnceConstraint(string text, CompiledCondition condition)
        : base(text)
    {
        _condition = condition;
    }

    public override void Reset()
    {
        _inRun = false;
        _runEnded = false;
    }

    public override string? Finish() => null;

    public override string? Observe(EvaluationContext context)
    {
        var holds = _condition.Holds(context);
        if (holds && _runEnded)
        {
            return "the condition becomes true a second time";
        }

        _runEnded |= _inRun && !holds;
        _inRun = holds;
        return null;
    }
}

/// <summary><c>(sometime-before φ ψ)</c>: whenever φ holds, ψ held in some strictly earlier state.</summary>
internal sealed class SometimeBeforeConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _trigger;
    private readonly CompiledCondition _required;
    private bool _requiredSeen;

    public SometimeBeforeConstraint(string text, CompiledCondition trigger, CompiledCondition required)
        : base(text)
    {
        _trigger = trigger;
        _required = required;
    }

    public override void Reset() => _requiredSeen = false;

    public override string? Finish() => null;

    public override string? Observe(EvaluationContext context)
    {
        if (_trigger.Holds(context) && !_requiredSeen)
        {
            return "the first condition holds before the second ever did";
        }

        _requiredSeen |= _required.Holds(context);
        return null;
    }
}

/// <summary><c>(sometime-after φ ψ)</c>: whenever φ holds, ψ holds then or in some later state.</summary>
internal sealed class SometimeAfterConstraint : TrajectoryConstraint
{
    private readonly CompiledCondition _trigger;
    private readonly CompiledCondition _required;
    private bool _pending;

    public SometimeAfterConstraint(string text, CompiledCondition trigger, CompiledCondition required)
        : base(text)
    {
        _trigger = trigger;
        _required = required;
    }

    public override void Reset() => _pending = false;

    public override string? Finish() =>
        _pending ? "the second condition never follows the first" : null;

    public override string? Observe(EvaluationContext context)
    {
        _pending |= _trigger.Holds(context);
        if (_required.Holds(context))
        {
            _pending = false;
        }

        return null;
    }
}
