using System.Collections.Immutable;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>
/// One action of a plan with its parameters bound: checks its precondition on a live world state, predicts its
/// effects, and lists the facts it reads and writes (from which the plan's partial order is computed).
/// </summary>
public sealed class GroundAction
{
    private readonly DomainModel _domain;
    private readonly ActionDef _definition;
    private readonly Bindings _bindings;

    internal GroundAction(DomainModel domain, PlannedAction action, ActionDef definition, IReadOnlyDictionary<string, string> bindings)
    {
        _domain = domain;
        _definition = definition;
        _bindings = new Bindings(bindings);
        Action = action;
    }

    public PlannedAction Action { get; }

    public bool PreconditionHolds(WorldState world) => UnmetPrecondition(world) is null;

    /// <summary>Null when the precondition holds in <paramref name="world"/>; otherwise what is false, e.g. "(clear b1) does not hold".</summary>
    public string? UnmetPrecondition(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return _definition.Precondition is null
            ? null
            : new ConditionEvaluator(_domain, world).Explain(_definition.Precondition, _bindings);
    }

    /// <summary>The changes the action makes when applied in <paramref name="before"/>.</summary>
    public FactChanges PredictEffects(WorldState before)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (_definition.Effect is null)
        {
            return FactChanges.None;
        }

        var adds = new List<GroundFact>();
        var deletes = new List<GroundFact>();
        new EffectEvaluator(_domain, before).Collect(_definition.Effect, _bindings, adds, deletes);
        return new FactChanges([.. adds.Distinct()], [.. deletes.Distinct()]);
    }

    /// <summary>Facts whose value the action depends on: its precondition and the conditions of its conditional effects.</summary>
    public ImmutableHashSet<GroundFact> FactsRead(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var reads = _definition.Precondition is null
            ? []
            : new ConditionEvaluator(_domain, world).FactsRead(_definition.Precondition, _bindings);
        var effectReads = _definition.Effect is null
            ? []
            : new EffectEvaluator(_domain, world).FactsRead(_definition.Effect, _bindings);
        return reads.Concat(effectReads).ToImmutableHashSet();
    }

    /// <summary>Facts the action may change.</summary>
    public ImmutableHashSet<GroundFact> FactsWritten(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return _definition.Effect is null
            ? []
            : new EffectEvaluator(_domain, world).FactsWritten(_definition.Effect, _bindings).ToImmutableHashSet();
    }

    public override string ToString() => Action.ToString();
}
