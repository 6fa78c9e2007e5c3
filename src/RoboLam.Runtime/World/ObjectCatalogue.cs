using System.Collections.Immutable;
using RoboLam.Pddl.Ast;

namespace RoboLam.Runtime.World;

/// <summary>One object the robot knows: its PDDL type and perception attributes (colour, size, position...).</summary>
public sealed record CatalogueObject(string Name, string Type, ImmutableDictionary<string, string> Attributes)
{
    public static CatalogueObject Of(string name, string type) =>
        new(name.ToLowerInvariant(), type.ToLowerInvariant(), ImmutableDictionary<string, string>.Empty);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}

/// <summary>The objects of a world by name; immutable, so snapshots can be shared between actors.</summary>
public sealed class ObjectCatalogue
{
    private readonly ImmutableDictionary<string, CatalogueObject> _objects;

    private ObjectCatalogue(ImmutableDictionary<string, CatalogueObject> objects)
    {
        _objects = objects;
    }

    public static ObjectCatalogue Empty { get; } = new(ImmutableDictionary<string, CatalogueObject>.Empty.WithComparers(StringComparer.Ordinal));

    public int Count => _objects.Count;

    public IEnumerable<CatalogueObject> All => _objects.Values.OrderBy(item => item.Name, StringComparer.Ordinal);

    /// <summary>The problem's objects and the domain's constants, with no attributes.</summary>
    public static ObjectCatalogue FromPddl(Domain domain, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(problem);
        var catalogue = Empty;
        foreach (var typed in domain.Constants.Concat(problem.Objects))
        {
            catalogue = catalogue.With(CatalogueObject.Of(typed.Name, typed.Type.Alternatives[0]));
        }

        return catalogue;
    }

    public CatalogueObject? Find(string name) => _objects.GetValueOrDefault(name.ToLowerInvariant());

    public bool Contains(string name) => _objects.ContainsKey(name.ToLowerInvariant());

    public ObjectCatalogue With(CatalogueObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ObjectCatalogue(_objects.SetItem(item.Name, item));
    }

    /// <summary>Adds or replaces attributes of a known object (perception refines what it knows).</summary>
    public ObjectCatalogue WithAttributes(string name, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        var existing = Find(name) ?? throw new KeyNotFoundException($"there is no object \"{name}\" in the world");
        return With(existing with { Attributes = existing.Attributes.SetItems(attributes) });
    }
}
