using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// The variables visible in one action, derived predicate or goal, with their types. Quantified variables are
/// registered here under their unique new names, so any later step can ask for the type of a free variable.
/// </summary>
internal sealed class VariableScope
{
    private readonly Dictionary<string, TypeRef> _types = new(StringComparer.Ordinal);

    public VariableScope(IEnumerable<TypedName> parameters)
    {
        foreach (var parameter in parameters)
        {
            _types[parameter.Name] = parameter.Type;
        }
    }

    public void Register(Variable variable) => _types[variable.Name] = variable.Type;

    public TypeRef TypeOf(string variable) =>
        _types.TryGetValue(variable, out var type)
            ? type
            : throw new TranslationException($"The variable {variable} is not declared.");

    public Variable VariableOf(string name) => new(name, TypeOf(name));
}

/// <summary>Hands out names that cannot clash with PDDL names, which never contain '#' or '@'.</summary>
internal sealed class NameSource
{
    private int _next;

    public string FreshVariable(string original) => $"{original}#{++_next}";

    public string FreshPredicate(string kind) => $"@{kind}-{++_next}";
}
