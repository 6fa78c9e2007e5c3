namespace RoboLam.Planning.Successors;

/// <summary>Lists the operators whose preconditions hold in a packed state.</summary>
internal interface IApplicableOperatorFinder
{
    /// <summary>Clears <paramref name="result"/> and fills it with the applicable operators of <paramref name="state"/>.</summary>
    void Find(ReadOnlySpan<ulong> state, List<int> result);
}
