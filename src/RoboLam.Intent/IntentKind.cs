namespace RoboLam.Intent;

/// <summary>What became of a command.</summary>
public enum IntentKind
{
    /// <summary>Clear and checked: the goal may be planned and executed.</summary>
    Goal,

    /// <summary>Ambiguous or incomplete: a question is asked and nothing acts.</summary>
    Clarify,

    /// <summary>Out of the domain, about things that do not exist, or asking to weaken safety: refused with a reason.</summary>
    Refuse,

    /// <summary>A goal read with low confidence: it is shown for confirmation and not executed.</summary>
    Confirm,
}
