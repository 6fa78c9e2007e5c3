using System.Collections.Immutable;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>Variables bound to objects while a condition or effect of one ground action is evaluated.</summary>
internal sealed class Bindings
{
    private readonly ImmutableDictionary<string, string> _values;

    public Bindings(IReadOnlyDictionary<string, string> values)
    {
        _values = values.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private Bindings(ImmutableDictionary<string, string> values)
    {
        _values = values;
    }

    public Bindings With(string variable, string value) => new(_values.SetItem(variable, value));

    public string Resolve(Term term) => term switch
    {
        VariableTerm variable => _values.TryGetValue(variable.Name, out var value)
            ? value
            : throw new ExecutionModelException($"{variable.Span}: variable {variable.Name} is not bound"),
        NameTerm name => name.Name,
        FunctionTerm function => throw new ExecutionModelException(
            $"{function.Span}: object fluents such as ({function.Function} ...) cannot be executed yet"),
        _ => throw new ExecutionModelException($"{term.Span}: unexpected term {term}"),
    };

    public GroundFact Ground(Atom atom) => GroundFact.Of(atom.Predicate, atom.Arguments.Select(Resolve));

    /// <summary>Every assignment of the quantified variables to objects of their types.</summary>
    public IEnumerable<Bindings> Expand(Seq<TypedName> variables, DomainModel domain, WorldState world)
    {
        IEnumerable<Bindings> assignments = [this];
        foreach (var variable in variables)
        {
            var objects = domain.ObjectsOf(variable.Type, world).ToArray();
            assignments = assignments.SelectMany(partial => objects.Select(value => partial.With(variable.Name, value)));
        }

        return assignments;
    }

    public string Describe(Seq<TypedName> variables) =>
        string.Join(", ", variables.Select(variable => $"{variable.Name} = {_values.GetValueOrDefault(variable.Name, "?")}"));
}
