namespace RoboLam.Validation.Plans;

/// <summary>The steps read from a plan file, and every error found on the way.</summary>
public sealed record PlanFileResult(IReadOnlyList<PlanStep> Steps, IReadOnlyList<PlanFileError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
