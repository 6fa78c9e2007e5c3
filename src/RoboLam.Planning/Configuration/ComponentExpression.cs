namespace RoboLam.Planning.Configuration;

/// <summary>
/// A parsed configuration term: <c>name</c>, <c>name()</c> or <c>name(arg, key=value, ...)</c>. Numbers and bare
/// words are terms without arguments. <see cref="Position"/> is the 0-based column, for error messages.
/// </summary>
internal sealed record ComponentExpression(string Name, IReadOnlyList<ComponentArgument> Arguments, int Position)
{
    public override string ToString() =>
        Arguments.Count == 0 ? Name : $"{Name}({string.Join(", ", Arguments.Select(argument => argument.ToString()))})";
}

/// <summary>A positional argument (<see cref="Key"/> null) or a named one (<c>key=value</c>).</summary>
internal sealed record ComponentArgument(string? Key, ComponentExpression Value)
{
    public override string ToString() => Key is null ? Value.ToString() : $"{Key}={Value}";
}
