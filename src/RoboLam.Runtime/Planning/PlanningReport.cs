using RoboLam.Planning;
using RoboLam.Translation;
using RoboLam.Validation;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// Everything one planning run produced: the outcome, the validated plan, and the reasons when there is none.
/// <see cref="Translation"/>, <see cref="Search"/> and <see cref="Validation"/> are null for the stages that did not run.
/// </summary>
public sealed record PlanningReport(
    PlanningOutcome Outcome,
    IReadOnlyList<PlannedAction> Plan,
    int Cost,
    IReadOnlyList<string> Reasons,
    TranslationResult? Translation,
    SearchResult? Search,
    ValidationResult? Validation)
{
    public bool IsSolved => Outcome == PlanningOutcome.Solved;
}
