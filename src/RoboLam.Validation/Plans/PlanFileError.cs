namespace RoboLam.Validation.Plans;

/// <summary>Something in a plan file that is not a step; positions are 1-based.</summary>
public sealed record PlanFileError(string FileName, int Line, int Column, string Message)
{
    public override string ToString() => $"{FileName}:{Line}:{Column}: {Message}";
}
