using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>
/// The domain's constants and the problem's objects, interned, with the set of types each belongs to
/// (declared types, their ancestors, both sides of an <c>either</c>). Quantifiers range over these.
/// </summary>
internal sealed class ObjectUniverse
{
    private readonly NameTable _names = new();
    private readonly List<HashSet<string>> _typesOf = [];
    private readonly List<TypeRef> _declaredTypeOf = [];
    private readonly Dictionary<TypeRef, int[]> _members = [];

    public ObjectUniverse(TypeHierarchy types, IEnumerable<TypedName> objects)
    {
        foreach (var declared in objects)
        {
            var id = _names.Intern(declared.Name);
            if (id == _typesOf.Count)
            {
                _typesOf.Add(new HashSet<string>(StringComparer.Ordinal));
                _declaredTypeOf.Add(declared.Type);
            }

            foreach (var alternative in declared.Type.Alternatives)
            {
                _typesOf[id].UnionWith(types.WithAncestors(alternative));
            }
        }
    }

    public int Count => _names.Count;

    public bool TryGetId(string name, out int id) => _names.TryGetId(name, out id);

    public string NameOf(int id) => _names.NameOf(id);

    public TypeRef DeclaredTypeOf(int id) => _declaredTypeOf[id];

    public bool IsOfType(int id, TypeRef type)
    {
        var typesOfObject = _typesOf[id];
        foreach (var alternative in type.Alternatives)
        {
            if (typesOfObject.Contains(alternative))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The objects of a type (subtypes included), in declaration order.</summary>
    public int[] MembersOf(TypeRef type)
    {
        if (!_members.TryGetValue(type, out var members))
        {
            members = Enumerable.Range(0, Count).Where(id => IsOfType(id, type)).ToArray();
            _members.Add(type, members);
        }

        return members;
    }
}
