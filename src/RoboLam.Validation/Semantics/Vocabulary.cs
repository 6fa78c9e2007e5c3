using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>The interned names of one domain + problem: objects, predicates (with derived ones marked) and functions.</summary>
internal sealed class Vocabulary
{
    public const string TotalCost = "total-cost";

    private readonly NameTable _predicates = new();
    private readonly List<int> _predicateArity = [];
    private readonly HashSet<int> _derived = [];
    private readonly NameTable _functions = new();
    private readonly List<int> _functionArity = [];

    public Vocabulary(Domain domain, Problem problem)
    {
        Objects = new ObjectUniverse(new TypeHierarchy(domain.Types), domain.Constants.Concat(problem.Objects));
        foreach (var predicate in domain.Predicates)
        {
            DeclarePredicate(predicate.Name, predicate.Parameters.Count);
        }

        foreach (var rule in domain.DerivedPredicates)
        {
            _derived.Add(DeclarePredicate(rule.Name, rule.Parameters.Count));
        }

        foreach (var function in domain.Functions)
        {
            DeclareFunction(function.Name, function.Parameters.Count);
        }

        DeclareFunction(TotalCost, 0); // may be used without a declaration, as many IPC domains do
    }

    public ObjectUniverse Objects { get; }

    public bool TryGetPredicate(string name, out int id, out int arity, out bool isDerived)
    {
        var found = _predicates.TryGetId(name, out id);
        arity = found ? _predicateArity[id] : 0;
        isDerived = found && _derived.Contains(id);
        return found;
    }

    public bool TryGetFunction(string name, out int id, out int arity)
    {
        var found = _functions.TryGetId(name, out id);
        arity = found ? _functionArity[id] : 0;
        return found;
    }

    private int DeclarePredicate(string name, int arity)
    {
        var id = _predicates.Intern(name);
        if (id == _predicateArity.Count)
        {
            _predicateArity.Add(arity);
        }

        return id;
    }

    private int DeclareFunction(string name, int arity)
    {
        var id = _functions.Intern(name);
        if (id == _functionArity.Count)
        {
            _functionArity.Add(arity);
        }

        return id;
    }
}
