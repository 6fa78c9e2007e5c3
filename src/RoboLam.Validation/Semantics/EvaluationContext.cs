namespace RoboLam.Validation.Semantics;

/// <summary>
/// What a compiled condition or effect is evaluated against: the state, the static function values, and the
/// variable slots (action parameters first, then quantified variables).
/// </summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(WorldState state, StaticFunctions functions, int slotCount)
    {
        State = state;
        Functions = functions;
        Slots = new int[Math.Max(slotCount, 1)];
    }

    public WorldState State { get; }

    public StaticFunctions Functions { get; }

    public int[] Slots { get; }
}
