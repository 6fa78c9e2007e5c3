namespace RoboLam.Validation.Semantics;

/// <summary>A domain and problem compiled for checking plans: everything resolved, nothing left to look up by name.</summary>
internal sealed class ValidationTask
{
    public required Vocabulary Vocabulary { get; init; }

    public required IReadOnlyDictionary<string, CompiledAction> Actions { get; init; }

    /// <summary>Durative actions are named so that a plan using one gets "not supported", not "unknown action".</summary>
    public required IReadOnlySet<string> DurativeActionNames { get; init; }

    public required IReadOnlyList<GroundAtom> InitialFacts { get; init; }

    public required StaticFunctions Functions { get; init; }

    public required CompiledCondition? Goal { get; init; }

    public required IReadOnlyList<TrajectoryConstraint> Constraints { get; init; }

    public required DerivedPredicateEvaluator? DerivedPredicates { get; init; }

    /// <summary>True with <c>(:metric minimize (total-cost))</c>; otherwise a plan costs its number of steps.</summary>
    public required bool MeasuresTotalCost { get; init; }

    public required double InitialTotalCost { get; init; }

    /// <summary>Variable slots needed by actions, goal and constraints.</summary>
    public required int SlotCount { get; init; }
}
