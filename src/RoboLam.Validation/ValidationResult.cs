using System.Globalization;

namespace RoboLam.Validation;

/// <summary>
/// What the validator found. <see cref="FailedStep"/> is the 1-based step that failed, or null when the
/// failure is not one step's (goal, a constraint judged at the end, the task itself).
/// <see cref="Cost"/> is the plan's cost when valid: total-cost under a total-cost metric, otherwise the number of steps.
/// </summary>
public sealed record ValidationResult(ValidationVerdict Verdict, double Cost, int? FailedStep, string Message)
{
    public bool IsValid => Verdict == ValidationVerdict.Valid;

    public static ValidationResult Valid(double cost) =>
        new(ValidationVerdict.Valid, cost, null, $"plan valid, cost {FormatCost(cost)}");

    public static ValidationResult Failure(ValidationVerdict verdict, int? failedStep, string message) =>
        new(verdict, 0, failedStep, message);

    public static string FormatCost(double cost) => cost.ToString("0.######", CultureInfo.InvariantCulture);

    public override string ToString() => Message;
}
