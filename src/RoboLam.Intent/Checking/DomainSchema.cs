using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Checking;

/// <summary>What the checks need from a PDDL domain: its type hierarchy, predicate signatures and achievable predicates.</summary>
public sealed class DomainSchema
{
    private readonly Dictionary<string, IReadOnlyList<string>> _parents = new(StringComparer.Ordinal);

    public DomainSchema(Domain domain)
    {
        Domain = domain;
        foreach (var declaration in domain.Types)
        {
            _parents[declaration.Name] = declaration.Parent.Alternatives;
        }

        Predicates = domain.Predicates.ToDictionary(
            predicate => predicate.Name,
            predicate => (IReadOnlyList<TypeRef>)predicate.Parameters.Select(parameter => parameter.Type).ToList(),
            StringComparer.Ordinal);
        Constants = domain.Constants.ToDictionary(constant => constant.Name, constant => constant.Type, StringComparer.Ordinal);
        AddedPredicates = Frames.GoalVocabulary.AddedPredicates(domain);
    }

    public Domain Domain { get; }

    public string Name => Domain.Name;

    /// <summary>Predicate name → the type of each parameter.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypeRef>> Predicates { get; }

    public IReadOnlyDictionary<string, TypeRef> Constants { get; }

    /// <summary>Predicates some action can make true; the others are static.</summary>
    public IReadOnlySet<string> AddedPredicates { get; }

    public bool HasType(string type) => type == "object" || _parents.ContainsKey(type);

    /// <summary>True when <paramref name="type"/> is <paramref name="ancestor"/> or below it.</summary>
    public bool IsSubtype(string type, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([type]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == ancestor || ancestor == "object")
            {
                return true;
            }

            if (seen.Add(current) && _parents.TryGetValue(current, out var parents))
            {
                foreach (var parent in parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return false;
    }

    public bool Fits(string type, TypeRef parameter) => parameter.Alternatives.Any(alternative => IsSubtype(type, alternative));

    /// <summary>The world types that fit parameter <paramref name="position"/> of <paramref name="predicate"/>.</summary>
    public IReadOnlySet<string> TypesAt(string predicate, int position, IEnumerable<string> worldTypes) =>
        Predicates.TryGetValue(predicate, out var parameters) && position < parameters.Count
            ? worldTypes.Where(type => Fits(type, parameters[position])).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
