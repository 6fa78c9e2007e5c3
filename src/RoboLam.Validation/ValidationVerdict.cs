namespace RoboLam.Validation;

public enum ValidationVerdict
{
    /// <summary>Every step is applicable, the constraints hold and the goal holds at the end.</summary>
    Valid,

    /// <summary>A step is not applicable (false precondition, argument of the wrong type), a constraint is broken, or the goal is false.</summary>
    InvalidPlan,

    /// <summary>A step cannot even be read against the domain: unknown action or object, or the wrong number of arguments.</summary>
    UnresolvedStep,

    /// <summary>The domain or problem uses a feature the validator does not support, or is ill-formed; no step was judged.</summary>
    TaskError,
}
