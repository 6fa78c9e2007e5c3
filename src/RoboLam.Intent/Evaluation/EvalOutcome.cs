namespace RoboLam.Intent.Evaluation;

/// <summary>How the system did on one item: its result, whether that is right, and if not, why not.</summary>
public sealed record EvalOutcome(EvalItem Item, IntentResult Result, bool Correct, string Explanation);
