using RoboLam.Pddl.Ast;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>
/// Computes the fact changes of one ground action's effect in a given state (conditional effects judged on
/// the state before the action) and the facts an effect may write in any state.
/// </summary>
internal sealed class EffectEvaluator
{
    private readonly DomainModel _domain;
    private readonly WorldState _world;
    private readonly ConditionEvaluator _conditions;

    public EffectEvaluator(DomainModel domain, WorldState world)
    {
        _domain = domain;
        _world = world;
        _conditions = new ConditionEvaluator(domain, world);
    }

    public void Collect(Effect effect, Bindings bindings, List<GroundFact> adds, List<GroundFact> deletes)
    {
        switch (effect)
        {
            case AtomEffect { IsDelete: true } atom:
                deletes.Add(bindings.Ground(atom.Atom));
                break;
            case AtomEffect atom:
                adds.Add(bindings.Ground(atom.Atom));
                break;
            case AndEffect and:
                foreach (var inner in and.Effects)
                {
                    Collect(inner, bindings, adds, deletes);
                }

                break;
            case ForAllEffect forAll:
                foreach (var inner in bindings.Expand(forAll.Variables, _domain, _world))
                {
                    Collect(forAll.Body, inner, adds, deletes);
                }

                break;
            case WhenEffect conditional:
                if (_conditions.Holds(conditional.Condition, bindings))
                {
                    Collect(conditional.Body, bindings, adds, deletes);
                }

                break;
            case TimedEffect timed:
                Collect(timed.Body, bindings, adds, deletes);
                break;

            // Numbers are not tracked in the live world: total-cost only matters to the planner.
            case NumericEffect:
                break;
            default:
                throw new ExecutionModelException($"{effect.Span}: {effect.GetType().Name} cannot be executed yet");
        }
    }

    /// <summary>Every fact the effect may add or delete, conditional effects included whatever their condition.</summary>
    public IEnumerable<GroundFact> FactsWritten(Effect effect, Bindings bindings) => effect switch
    {
        AtomEffect atom => [bindings.Ground(atom.Atom)],
        AndEffect and => and.Effects.SelectMany(inner => FactsWritten(inner, bindings)),
        ForAllEffect forAll => bindings.Expand(forAll.Variables, _domain, _world).SelectMany(inner => FactsWritten(forAll.Body, inner)),
        WhenEffect conditional => FactsWritten(conditional.Body, bindings),
        TimedEffect timed => FactsWritten(timed.Body, bindings),
        _ => [],
    };

    /// <summary>Facts the conditions of conditional effects look at.</summary>
    public IEnumerable<GroundFact> FactsRead(Effect effect, Bindings bindings) => effect switch
    {
        AndEffect and => and.Effects.SelectMany(inner => FactsRead(inner, bindings)),
        ForAllEffect forAll => bindings.Expand(forAll.Variables, _domain, _world).SelectMany(inner => FactsRead(forAll.Body, inner)),
        WhenEffect conditional => _conditions.FactsRead(conditional.Condition, bindings).Concat(FactsRead(conditional.Body, bindings)),
        TimedEffect timed => FactsRead(timed.Body, bindings),
        _ => [],
    };
}
