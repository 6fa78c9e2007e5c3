namespace RoboLam.Runtime.Planning;

/// <summary>One ground action of a plan, such as <c>(pick b1)</c>.</summary>
public sealed record PlannedAction(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>Reads an operator name as the translator writes it: <c>(name arg1 arg2)</c>.</summary>
    public static PlannedAction FromOperatorName(string operatorName)
    {
        var parts = operatorName.Trim('(', ')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new PlannedAction(parts[0], parts[1..]);
    }

    public override string ToString() =>
        Arguments.Count == 0 ? $"({Name})" : $"({Name} {string.Join(' ', Arguments)})";
}
