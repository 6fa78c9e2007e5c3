using System.Collections.Immutable;
using RoboLam.Pddl.Ast;

namespace RoboLam.Runtime.World;

/// <summary>
/// The controller's belief about the world at one version: the facts that hold (closed world: all others are
/// false), the object catalogue, and the numeric initial values that never change (costs, static functions).
/// Immutable: the world model hands the same instance to every actor that asks.
/// </summary>
public sealed class WorldState
{
    public WorldState(long version, ImmutableHashSet<GroundFact> facts, ObjectCatalogue objects, ImmutableArray<InitElement> staticValues)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(objects);
        Version = version;
        Facts = facts;
        Objects = objects;
        StaticValues = staticValues;
    }

    /// <summary>Grows by one with every change, so a plan can tell whether the world moved since it was made.</summary>
    public long Version { get; }

    public ImmutableHashSet<GroundFact> Facts { get; }

    public ObjectCatalogue Objects { get; }

    /// <summary>Numeric and object-valued initial elements of the problem, carried unchanged into every problem built.</summary>
    public ImmutableArray<InitElement> StaticValues { get; }

    /// <summary>The world a PDDL problem describes: its objects, its true facts and its numeric values.</summary>
    public static WorldState FromProblem(Domain domain, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(problem);
        var facts = ImmutableHashSet.CreateBuilder<GroundFact>();
        var values = ImmutableArray.CreateBuilder<InitElement>();
        foreach (var element in problem.Init)
        {
            switch (element)
            {
                case InitAtom { IsNegated: false } atom:
                    facts.Add(GroundFact.Of(atom.Atom.Predicate, atom.Atom.Arguments.Select(NameOf)));
                    break;
                case InitAtom:
                    break;
                case InitNumeric or InitObject:
                    values.Add(element);
                    break;
                default:
                    throw new NotSupportedException($"{element.Span}: timed initial literals cannot describe a live world");
            }
        }

        return new WorldState(0, facts.ToImmutable(), ObjectCatalogue.FromPddl(domain, problem), values.ToImmutable());
    }

    public bool Holds(GroundFact fact) => Facts.Contains(fact);

    /// <summary>The next version, with <paramref name="changes"/> applied (deletes first, then adds).</summary>
    public WorldState Apply(FactChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var facts = Facts.Except(changes.Deletes).Union(changes.Adds);
        return new WorldState(Version + 1, facts, Objects, StaticValues);
    }

    /// <summary>The next version, with each fact set to the value given.</summary>
    public WorldState Apply(IEnumerable<SensedFact> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var facts = Facts.ToBuilder();
        foreach (var value in values)
        {
            if (value.Holds)
            {
                facts.Add(value.Fact);
            }
            else
            {
                facts.Remove(value.Fact);
            }
        }

        return new WorldState(Version + 1, facts.ToImmutable(), Objects, StaticValues);
    }

    public WorldState WithObjects(ObjectCatalogue objects) => new(Version + 1, Facts, objects, StaticValues);

    private static string NameOf(Term term) => term switch
    {
        NameTerm name => name.Name,
        _ => throw new NotSupportedException($"{term.Span}: the initial state may only name objects"),
    };
}
