namespace RoboLam.Validation.Plans;

/// <summary>
/// One step of a sequential plan: an action name and its arguments, as written in the plan
/// (names lower-cased). <see cref="Line"/> and <see cref="Column"/> are 0 when the step was not read from a file.
/// Two steps are equal when they name the same action and arguments, wherever they were written.
/// </summary>
public sealed record PlanStep(string Action, IReadOnlyList<string> Arguments, int Line = 0, int Column = 0)
{
    public static PlanStep Of(string action, params string[] arguments) => new(action, arguments);

    public bool Equals(PlanStep? other) =>
        other is not null
        && string.Equals(Action, other.Action, StringComparison.Ordinal)
        && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Action, StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            hash.Add(argument, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The step in plan syntax: <c>(unstack b3 b1)</c>.</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? $"({Action})" : $"({Action} {string.Join(' ', Arguments)})";
}
