using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>The declared types and their parents; every type is a subtype of <c>object</c>.</summary>
internal sealed class TypeHierarchy
{
    public const string Root = "object";

    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public TypeHierarchy(IEnumerable<TypeDecl> declarations)
    {
        foreach (var declaration in declarations)
        {
            if (!_parents.TryGetValue(declaration.Name, out var parents))
            {
                parents = [];
                _parents.Add(declaration.Name, parents);
            }

            // "a - (either b c)" in :types makes a a subtype of both.
            parents.AddRange(declaration.Parent.Alternatives);
        }
    }

    /// <summary>The type itself, all its ancestors, and <c>object</c>.</summary>
    public IReadOnlySet<string> WithAncestors(string type)
    {
        if (_ancestors.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!result.Add(current))
            {
                continue; // seen already; also stops a cyclic declaration
            }

            if (_parents.TryGetValue(current, out var parents))
            {
                foreach (var parent in parents)
                {
                    pending.Push(parent);
                }
            }
        }

        result.Add(Root);
        _ancestors.Add(type, result);
        return result;
    }
}
