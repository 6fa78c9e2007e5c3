using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>
/// The declared types and their parents. A type named anywhere in :types (as a child or as a parent) is
/// declared; <c>object</c> always is. Answers whether a value of one type may stand where another is expected.
/// </summary>
internal sealed class TypeHierarchy
{
    public const string ObjectType = "object";

    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal) { [ObjectType] = [] };
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public TypeHierarchy(Seq<TypeDecl> declarations, Findings findings)
    {
        var declaredAt = new Dictionary<string, TypeDecl>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            if (declaredAt.TryGetValue(declaration.Name, out var first) && first.Parent != declaration.Parent)
            {
                // Storage (IPC 2006) declares a type under two parents; it is then a subtype of both.
                findings.Warning(DiagnosticCodes.Duplicate, declaration.Span,
                    $"type '{declaration.Name}' is declared again with parent {declaration.Parent} (first at {first.Span} with parent {first.Parent}); it is taken as a subtype of both, but one declaration with (either ...) is clearer");
            }
            else if (first is not null)
            {
                findings.Warning(DiagnosticCodes.Duplicate, declaration.Span,
                    $"type '{declaration.Name}' is declared twice (first at {first.Span}); remove the repetition");
            }

            declaredAt.TryAdd(declaration.Name, declaration);
            var parents = GetOrAdd(declaration.Name);
            foreach (var parent in declaration.Parent.Alternatives)
            {
                GetOrAdd(parent);
                if (declaration.Name != ObjectType && !parents.Contains(parent))
                {
                    parents.Add(parent);
                }
            }
        }

        foreach (var declaration in declarations)
        {
            if (declaration.Name != ObjectType && Ancestors(declaration.Name).Contains(declaration.Name) && declaredAt[declaration.Name] == declaration)
            {
                findings.Error(DiagnosticCodes.CyclicTypes, declaration.Span,
                    $"type '{declaration.Name}' is its own ancestor; break the cycle in (:types ...)");
            }
        }
    }

    public IEnumerable<string> Names => _parents.Keys;

    public bool IsDeclared(string type) => _parents.ContainsKey(type);

    public bool IsDeclaredAll(TypeRef type)
    {
        foreach (var alternative in type.Alternatives)
        {
            if (!_parents.ContainsKey(alternative))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a value of type <paramref name="actual"/> may stand where <paramref name="expected"/> is required:
    /// every alternative of the actual type must be a subtype of some alternative of the expected one.</summary>
    public bool Fits(TypeRef actual, TypeRef expected)
    {
        foreach (var alternative in actual.Alternatives)
        {
            var fits = false;
            foreach (var wanted in expected.Alternatives)
            {
                if (IsSubtype(alternative, wanted))
                {
                    fits = true;
                    break;
                }
            }

            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    public bool IsSubtype(string type, string ancestor) =>
        type == ancestor || ancestor == ObjectType || Ancestors(type).Contains(ancestor);

    private List<string> GetOrAdd(string type)
    {
        if (!_parents.TryGetValue(type, out var parents))
        {
            parents = [];
            _parents[type] = parents;
        }

        return parents;
    }

    private HashSet<string> Ancestors(string type)
    {
        if (_ancestors.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            if (!_parents.TryGetValue(pending.Pop(), out var parents))
            {
                continue;
            }

            foreach (var parent in parents)
            {
                if (ancestors.Add(parent))
                {
                    pending.Push(parent);
                }
            }
        }

        _ancestors[type] = ancestors;
        return ancestors;
    }
}
