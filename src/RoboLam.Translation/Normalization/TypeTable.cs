using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// Which objects belong to which type. Types are compiled into unary static predicates named
/// <c>type:T</c> (or <c>type:(either a b)</c>); this table supplies their facts.
/// </summary>
internal sealed class TypeTable
{
    public const string ObjectType = "object";

    private const string PredicatePrefix = "type:";

    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _objectTypes = [];
    private readonly Dictionary<string, int[]> _membersByType = new(StringComparer.Ordinal);

    public TypeTable(IEnumerable<TypeDecl> declarations, IReadOnlyList<TypeRef> objectTypes)
    {
        foreach (var declaration in declarations)
        {
            if (!_parents.TryGetValue(declaration.Name, out var parents))
            {
                parents = [];
                _parents[declaration.Name] = parents;
            }

            parents.AddRange(declaration.Parent.Alternatives);
        }

        foreach (var type in objectTypes)
        {
            var all = new HashSet<string>(StringComparer.Ordinal) { ObjectType };
            foreach (var alternative in type.Alternatives)
            {
                all.UnionWith(AncestorsOf(alternative));
            }

            _objectTypes.Add(all);
        }
    }

    public static string PredicateName(TypeRef type) => PredicatePrefix + type;

    public static bool IsTypePredicate(string predicate) => predicate.StartsWith(PredicatePrefix, StringComparison.Ordinal);

    /// <summary>Object ids (indices into the object list) of the type, in increasing order.</summary>
    public int[] MembersOf(TypeRef type)
    {
        var key = type.ToString();
        if (_membersByType.TryGetValue(key, out var members))
        {
            return members;
        }

        var result = new List<int>();
        for (var index = 0; index < _objectTypes.Count; index++)
        {
            if (type.Alternatives.Any(_objectTypes[index].Contains))
            {
                result.Add(index);
            }
        }

        members = [.. result];
        _membersByType[key] = members;
        return members;
    }

    public bool IsOfType(int objectId, TypeRef type) => type.Alternatives.Any(_objectTypes[objectId].Contains);

    private HashSet<string> AncestorsOf(string type)
    {
        if (_ancestors.TryGetValue(type, out var cached))
        {
            return cached;
        }

        // Iterative closure: the checker rejects cyclic hierarchies, but a cycle must not hang us either.
        var result = new HashSet<string>(StringComparer.Ordinal) { type, ObjectType };
        var pending = new Stack<string>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            if (_parents.TryGetValue(pending.Pop(), out var parents))
            {
                foreach (var parent in parents.Where(result.Add))
                {
                    pending.Push(parent);
                }
            }
        }

        _ancestors[type] = result;
        return result;
    }
}
