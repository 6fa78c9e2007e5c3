namespace RoboLam.Intent.Worlds;

/// <summary>What the robot perceives now: its objects and the facts that hold (the PDDL initial state).</summary>
public sealed class World
{
    private readonly Dictionary<string, WorldObject> _objectsByName;

    public World(string domainName, IReadOnlyList<WorldObject> objects, IReadOnlyCollection<Fact> facts)
    {
        DomainName = domainName;
        Objects = objects;
        Facts = facts.ToHashSet();
        _objectsByName = objects.ToDictionary(item => item.Name, StringComparer.Ordinal);
    }

    public string DomainName { get; }

    public IReadOnlyList<WorldObject> Objects { get; }

    public IReadOnlySet<Fact> Facts { get; }

    public WorldObject? Find(string name) => _objectsByName.GetValueOrDefault(name.ToLowerInvariant());

    public bool Holds(Fact fact) => Facts.Contains(fact);

    /// <summary>The object that stands directly on <paramref name="name"/>, if any.</summary>
    public WorldObject? ObjectOn(string name) =>
        Facts.Where(fact => fact.Predicate == "on" && fact.Arguments.Count == 2 && fact.Arguments[1] == name)
            .Select(fact => Find(fact.Arguments[0]))
            .FirstOrDefault(item => item is not null);

    /// <summary>The object that <paramref name="name"/> stands directly on, if any.</summary>
    public WorldObject? ObjectUnder(string name) =>
        Facts.Where(fact => fact.Predicate == "on" && fact.Arguments.Count == 2 && fact.Arguments[0] == name)
            .Select(fact => Find(fact.Arguments[1]))
            .FirstOrDefault(item => item is not null);

    /// <summary>The container that holds <paramref name="name"/> (an <c>in</c> fact), if any.</summary>
    public WorldObject? ContainerOf(string name) =>
        Facts.Where(fact => fact.Predicate == "in" && fact.Arguments.Count == 2 && fact.Arguments[0] == name)
            .Select(fact => Find(fact.Arguments[1]))
            .FirstOrDefault(item => item is not null);
}
