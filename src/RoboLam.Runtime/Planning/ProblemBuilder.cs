using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Planning;

/// <summary>
/// Writes the planning problem for a goal from the world as it is now: the objects of the catalogue, the facts
/// that hold, the static numeric values; name, requirements, metric and constraints come from the start-up problem.
/// </summary>
public sealed class ProblemBuilder
{
    private readonly Problem _template;
    private readonly HashSet<string> _domainConstants;

    public ProblemBuilder(Domain domain, Problem template)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(template);
        _template = template;
        _domainConstants = domain.Constants.Select(constant => constant.Name).ToHashSet(StringComparer.Ordinal);
    }

    public Problem Build(WorldState world, GoalCondition goal)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(goal);
        var objects = Seq.From(world.Objects.All
            .Where(item => !_domainConstants.Contains(item.Name))
            .Select(item => new TypedName(item.Name, TypeRef.Of(item.Type), SourceSpan.None)));
        var facts = world.Facts
            .OrderBy(fact => fact.Text, StringComparer.Ordinal)
            .Select(fact => (InitElement)new InitAtom(AtomOf(fact), IsNegated: false, SourceSpan.None));
        var init = Seq.From(facts.Concat(world.StaticValues));
        return _template with { Objects = objects, Init = init, Goal = goal.Condition };
    }

    private static Atom AtomOf(GroundFact fact) =>
        new(fact.Predicate, Seq.From(fact.Arguments.Select(argument => (Term)new NameTerm(argument, SourceSpan.None))), SourceSpan.None);
}
