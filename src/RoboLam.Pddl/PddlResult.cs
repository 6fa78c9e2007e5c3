using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl;

/// <summary>
/// What parsing produced: the tree (partial, or null, when the text has errors) and every diagnostic found.
/// </summary>
public sealed record PddlResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == Severity.Error);
}
